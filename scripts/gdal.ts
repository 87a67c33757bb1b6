/**
 * GDAL in Node, from gdal3.js (GDAL 3.8 in WebAssembly): used to write the GeoPackage and, in the
 * tests, to read every export back. Only the parts used here are typed; gdal3.js's own typings
 * declare only its browser entry.
 */
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';

export interface OgrField {
  name: string;
  type: string;
  subType?: string;
}
export interface OgrLayer {
  name: string;
  geometryFields: { name: string; type: string }[];
  fields: OgrField[];
}
export interface GdalDataset {
  pointer: number;
  path: string;
  type: string;
  /** `ogrinfo -json` of the dataset, filled in by `open`. */
  info: { layers: OgrLayer[] };
}
export interface GdalFilePath {
  local: string;
  real: string;
}
export interface GdalInfo {
  driverName: string;
  layerCount: number;
  layers: { name: string; featureCount: number }[];
}
export interface Gdal {
  open(file: string | string[]): Promise<{ datasets: GdalDataset[]; errors: unknown[] }>;
  close(dataset: GdalDataset): Promise<void>;
  getInfo(dataset: GdalDataset): Promise<GdalInfo>;
  ogr2ogr(dataset: GdalDataset, options: string[], outputName: string): Promise<GdalFilePath>;
  ogrinfo(dataset: GdalDataset, options: string[]): Promise<string>;
  getFileBytes(file: GdalFilePath | string): Promise<Uint8Array>;
}
type Handler = (message: string, type: string) => void;
type InitGdalJs = (config: {
  path: string;
  useWorker: boolean;
  logHandler: Handler;
  errorHandler: Handler;
}) => Promise<Gdal>;

const requireCjs = createRequire(import.meta.url);

/**
 * GDAL, and everything it prints. With CPL_LOG_ERRORS on (gdal3.js sets it) every CPLError, warnings
 * included, reaches `messages`; ogr2ogr itself only rejects on CE_Failure and above.
 */
export async function startGdal(): Promise<{ gdal: Gdal; messages: string[] }> {
  const initGdalJs = requireCjs('gdal3.js/node.js') as InitGdalJs;
  // gdal3.js reads its .data file from `./${path}`, so the path must be relative to the cwd.
  const wasmDir = join(dirname(requireCjs.resolve('gdal3.js/node.js')), 'dist/package');
  const messages: string[] = [];
  const gdal = await initGdalJs({
    path: relative(process.cwd(), wasmDir),
    useWorker: false,
    logHandler: (m, t) => messages.push(`${t}: ${m}`),
    errorHandler: (m, t) => messages.push(`${t}: ${m}`),
  });
  return { gdal, messages };
}

let started: ReturnType<typeof startGdal> | undefined;

/** One GDAL for the whole process: gdal3.js's module state is global. */
export const sharedGdal = (): ReturnType<typeof startGdal> => {
  started ??= startGdal();
  return started;
};
