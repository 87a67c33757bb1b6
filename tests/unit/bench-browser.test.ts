import { describe, expect, it } from 'vitest';
import { graphicsFromArgs, parseGraphicsStatus } from '../../bench/browser.ts';
import { METHOD } from '../../bench/method.ts';

// As chrome://gpu's feature list and GL table read in Chromium 156 headless on a machine without a GPU.
const CHROME_GPU = [
  '*   Canvas: Software only, hardware acceleration unavailable',
  '*   Compositing: Software only. Hardware acceleration disabled',
  '*   Rasterization: Software only. Hardware acceleration disabled',
  '*   WebGL: Software only, hardware acceleration unavailable',
  '*   WebGPU: Software only, hardware acceleration unavailable',
  'GL_VENDOR                       : | Google Inc. (Google)',
  'GL_RENDERER                     : | ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero)), SwiftShader driver-5.0.0)',
].join('\n');

describe('parseGraphicsStatus', () => {
  it("reads what the browser composites, rasterises and draws WebGL with, in chrome://gpu's words", () => {
    expect(parseGraphicsStatus(CHROME_GPU)).toEqual({
      compositing: 'Software only. Hardware acceleration disabled',
      rasterization: 'Software only. Hardware acceleration disabled',
      webgl: 'Software only, hardware acceleration unavailable',
      renderer: 'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero)), SwiftShader driver-5.0.0)',
    });
  });
  it('reads the list without its bullets too', () => {
    const plain = CHROME_GPU.replaceAll('*   ', '');
    expect(parseGraphicsStatus(plain)).toEqual(parseGraphicsStatus(CHROME_GPU));
    expect(parseGraphicsStatus(plain).compositing).toBe('Software only. Hardware acceleration disabled');
  });
  it("says 'unknown' for what the page does not say, rather than guessing", () => {
    expect(parseGraphicsStatus('*   Compositing: Hardware accelerated')).toEqual({
      compositing: 'Hardware accelerated',
      rasterization: 'unknown',
      webgl: 'unknown',
      renderer: 'unknown',
    });
  });
});

describe('graphicsFromArgs', () => {
  it("takes the mode `--graphics` names, and the method's without it", () => {
    expect(graphicsFromArgs(['--pairs', '3'])).toBe(METHOD.graphics);
    expect(graphicsFromArgs(['--graphics', 'swiftshader', '--profile'])).toBe('swiftshader');
    expect(graphicsFromArgs(['--graphics', 'browser'])).toBe('browser');
  });
  it('refuses any other word, or none, in one line', () => {
    expect(() => graphicsFromArgs(['--graphics', 'gpu'])).toThrow(
      '--graphics takes browser (the default) or swiftshader',
    );
    expect(() => graphicsFromArgs(['--graphics'])).toThrow('--graphics takes');
  });
});
