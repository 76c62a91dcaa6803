import type { ChartRenderer } from './chartSpec.js';
import type { ChildMessage, RenderRequest } from './renderProtocol.js';

/**
 * The loop of a render child process: answers each request from the parent with the rendered
 * bytes or a failure message, and exits when the parent goes away.
 */
export function serveRenders(renderer: ChartRenderer): void {
  const send = (message: ChildMessage): void => {
    process.send?.(message);
  };
  process.on('message', (request: RenderRequest) => {
    renderer.render(request.spec).then(
      ({ bytes, mimeType, width, height }) => {
        send({ type: 'rendered', id: request.id, bytes, mimeType, width, height });
      },
      (error: unknown) => {
        send({ type: 'failed', id: request.id, message: String(error) });
      },
    );
  });
  process.on('disconnect', () => process.exit(0));
  send({ type: 'ready' });
}
