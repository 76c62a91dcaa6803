/** Entry point of a render child process: see RenderPool. */
import { CanvasRenderer } from './CanvasRenderer.js';
import { serveRenders } from './serveRenders.js';

serveRenders(new CanvasRenderer());
