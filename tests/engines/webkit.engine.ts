import { launchWebKit } from '../../scripts/engines/webkit.ts';
import { crossEngineSuite } from './suite.ts';

crossEngineSuite('WebKit', launchWebKit);
