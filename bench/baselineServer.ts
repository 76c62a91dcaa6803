/**
 * The naive baseline the benchmark compares against: one process, one shared
 * chartjs-node-canvas instance, async renderToBuffer, the same chart — how a Chart.js image
 * service is usually first written. Prints its port on stdout once listening.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ChartJSNodeCanvas } from 'chartjs-node-canvas';
import { histogramArgsFromQuery } from '../src/core/histogramQuery.js';
import { computeHistogramOutcome } from '../src/histogramService.js';
import { registerFonts } from '../src/render/fonts.js';
import { histogramChartConfig } from '../src/render/histogramChartConfig.js';

registerFonts();
const renderer = new ChartJSNodeCanvas({ width: 800, height: 600 });

const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (url.pathname !== '/histogram') {
    res.writeHead(404).end();
    return;
  }
  const query = Object.fromEntries(url.searchParams);
  let chart;
  try {
    chart = computeHistogramOutcome(histogramArgsFromQuery(query)).chart;
  } catch {
    res.writeHead(400).end();
    return;
  }
  renderer.renderToBuffer(histogramChartConfig(chart)).then(
    (png) => {
      res.writeHead(200, { 'content-type': 'image/png' }).end(png);
    },
    () => {
      res.writeHead(500).end();
    },
  );
});

server.listen(0, '127.0.0.1', () => {
  console.log(String((server.address() as AddressInfo).port));
});
