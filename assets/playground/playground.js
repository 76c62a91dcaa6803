// The playground page: reads the form, previews the chart through the REST route and its numbers
// through GraphQL, and keeps the snippets of the chart shown ready to copy.
import { parseLabels, parseNumbers, parseWhole, readNumber, quote } from './parse.js';
import {
  HISTOGRAM_FLAGS,
  curlCommand,
  formatVariables,
  graphqlRequest,
  imgTag,
  restPath,
} from './requests.js';
import { numbersView } from './numbersView.js';

/** Quiet time after the last keystroke before the preview is redrawn. */
const DEBOUNCE_MS = 250;
/** Longest snippet shown in full; the copy buttons always copy all of it. */
const SHOWN_CHARACTERS = 2000;
/** Fields with their own inline message, by control id. */
const CHECKED_FIELDS = [
  'data',
  'x',
  'y',
  'labels',
  'values',
  'bins-count',
  'bins-width',
  'bins-edges',
  'width',
  'height',
];

const main = document.getElementById('main');
const form = document.getElementById('chart-form');
const controls = form.elements;
const chartImage = document.getElementById('chart');
const previewStatus = document.getElementById('preview-status');
const numbersBox = document.getElementById('numbers');
const copyStatus = document.getElementById('copy-status');

/** The snippets of the chart shown, in full, by name. */
const snippets = new Map();

/** Each chart type's example texts: a text still at one type's example follows the type. */
const EXAMPLE_TEXTS = {
  histogram: { title: 'Outcome of 20 dice rolls', xlabel: 'Outcome', ylabel: 'Frequency' },
  scatter: { title: 'Measurements', xlabel: 'x', ylabel: 'y' },
  pie: { title: 'Fruit sold', xlabel: '', ylabel: '' },
};

let timer;
let latest = 0;
let controller;
let shownType = controls.type.value;

function plural(count, word) {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** Shows a field's message: an error marks the control invalid, a note only informs. */
function setMessage(id, text, isError) {
  const control = document.getElementById(id);
  const box = document.getElementById(`${id}-message`);
  box.textContent = text;
  box.classList.toggle('is-error', isError);
  if (isError) control.setAttribute('aria-invalid', 'true');
  else control.removeAttribute('aria-invalid');
}

/**
 * The chart the form describes, or the problems that stop it from being drawn, as
 * `{ chart, problems }` with problems a map from control id to message.
 */
function readForm() {
  const type = controls.type.value;
  const problems = new Map();
  const notes = new Map();
  const numbers = (id, noun = 'value') => {
    const { values, error } = parseNumbers(controls[id].value);
    if (error !== undefined) problems.set(id, error);
    else notes.set(id, plural(values.length, noun));
    return values;
  };
  const whole = (id, what) => {
    const { value, error } = parseWhole(controls[id].value, what);
    if (error !== undefined) problems.set(id, error);
    return value;
  };
  const chart = {
    type,
    title: controls.title.value,
    flags: {},
    image: {
      width: whole('width', 'Width'),
      height: whole('height', 'Height'),
      format: controls.format.value,
      theme: controls.theme.value,
    },
  };
  if (type === 'histogram') {
    chart.data = numbers('data');
    chart.bins = readBins(problems);
    for (const flag of HISTOGRAM_FLAGS) chart.flags[flag] = controls[flag].checked;
  } else if (type === 'scatter') {
    chart.x = numbers('x', 'x value');
    chart.y = numbers('y', 'y value');
    chart.flags.trendline = controls.trendline.checked;
  } else {
    const { labels, error } = parseLabels(controls.labels.value);
    if (error !== undefined) problems.set('labels', error);
    else notes.set('labels', plural(labels.length, 'label'));
    chart.labels = labels;
    chart.values = numbers('values');
  }
  if (type !== 'pie') {
    chart.xlabel = controls.xlabel.value;
    chart.ylabel = controls.ylabel.value;
  }
  for (const id of CHECKED_FIELDS) {
    const problem = problems.get(id);
    setMessage(id, problem ?? notes.get(id) ?? '', problem !== undefined);
  }
  return { chart, problems };
}

/** The bins the form asks for; undefined for the service's default. */
function readBins(problems) {
  const mode = controls.binsRule.value;
  switch (mode) {
    case '':
      return undefined;
    case 'count': {
      const { value, error } = parseWhole(controls.binsCount.value, 'Bin count');
      if (error !== undefined || value === undefined) {
        problems.set('bins-count', error ?? 'Enter a bin count.');
      }
      return { count: value };
    }
    case 'width': {
      const text = controls.binsWidth.value.trim();
      const { value, problem } = readNumber(text);
      if (problem !== undefined) problems.set('bins-width', `${quote(text)} ${problem}`);
      return { width: value };
    }
    case 'edges': {
      const { values, error } = parseNumbers(controls.binsEdges.value);
      if (error !== undefined) problems.set('bins-edges', error);
      return { edges: values };
    }
    default:
      return { rule: mode };
  }
}

/** Swaps the example texts when the chart type changes; what a person typed stays. */
function followType() {
  const type = controls.type.value;
  if (type === shownType) return;
  for (const [name, example] of Object.entries(EXAMPLE_TEXTS[shownType])) {
    if (controls[name].value === example) controls[name].value = EXAMPLE_TEXTS[type][name];
  }
  shownType = type;
}

/** Shows the controls of the chosen chart type and bin mode only. */
function syncVisibility() {
  const type = controls.type.value;
  for (const element of form.querySelectorAll('[data-chart]')) {
    element.hidden = !element.dataset.chart.split(' ').includes(type);
  }
  for (const element of form.querySelectorAll('[data-bins]')) {
    element.hidden = element.dataset.bins !== controls.binsRule.value;
  }
}

function setState(state, message = '') {
  main.dataset.state = state;
  main.setAttribute('aria-busy', String(state === 'loading'));
  previewStatus.textContent = message;
  previewStatus.classList.toggle('is-error', state === 'error' || state === 'invalid');
}

/** Posts the operation; resolves to `{ data }` or `{ error }` with the service's message. */
async function postGraphQL(request, signal) {
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(request),
    signal,
  });
  const body = await response.json().catch(() => undefined);
  const first = body?.errors?.[0];
  if (first !== undefined) return { error: first.message };
  if (!response.ok || body?.data == null) {
    return { error: `the service answered ${response.status} ${response.statusText}` };
  }
  return { data: body.data };
}

/** Why an image URL did not load: the service's JSON error message, or the HTTP status. */
async function restError(path, signal) {
  const response = await fetch(path, { headers: { accept: 'application/json' }, signal });
  const body = await response.json().catch(() => undefined);
  if (typeof body?.error?.message === 'string') return body.error.message;
  return response.ok
    ? 'the image could not be shown'
    : `the service answered ${response.status} ${response.statusText}`;
}

/** Loads an image off-screen, so a failed one never shows as a broken image. */
async function loadImage(path) {
  const probe = new Image();
  probe.src = path;
  await probe.decode();
}

/**
 * Redraws everything from the form. A newer update supersedes an older one: its requests are
 * aborted and its late answers ignored.
 */
async function update() {
  clearTimeout(timer);
  const run = ++latest;
  controller?.abort();
  const { chart, problems } = readForm();
  if (problems.size > 0) {
    const [first] = problems.keys();
    const label = form.querySelector(`label[for="${first}"]`)?.textContent ?? first;
    setState(
      'invalid',
      `Fix “${label}” to update the chart; the chart shown is the last valid one.`,
    );
    return;
  }
  controller = new AbortController();
  const { signal } = controller;
  setState('loading');
  const path = restPath(chart);
  const request = graphqlRequest(chart);
  try {
    const answer = await postGraphQL(request, signal);
    if (run !== latest) return;
    if (answer.error !== undefined) {
      setState('error', `The service refused this chart: ${answer.error}`);
      return;
    }
    const figures = answer.data[chart.type];
    try {
      await loadImage(path);
    } catch {
      const message = await restError(path, signal);
      if (run === latest) setState('error', `The image could not be drawn: ${message}`);
      return;
    }
    if (run !== latest) return;
    chartImage.src = path;
    chartImage.alt = figures.image.altText;
    chartImage.width = figures.image.width;
    chartImage.height = figures.image.height;
    chartImage.hidden = false;
    await chartImage.decode().catch(() => undefined);
    if (run !== latest) return;
    numbersBox.replaceChildren(numbersView(chart.type, figures));
    showSnippets(path, request, figures.image);
    main.dataset.rendered = String(Number(main.dataset.rendered) + 1);
    setState('ready');
  } catch (error) {
    if (signal.aborted || run !== latest) return;
    setState('error', `The service could not be reached: ${error.message}`);
  }
}

function schedule() {
  followType();
  syncVisibility();
  clearTimeout(timer);
  timer = setTimeout(() => void update(), DEBOUNCE_MS);
}

function showSnippet(name, text) {
  snippets.set(name, text);
  document.getElementById(`snippet-${name}`).textContent =
    text.length > SHOWN_CHARACTERS
      ? `${text.slice(0, SHOWN_CHARACTERS)}… (${text.length} characters in all)`
      : text;
}

function showSnippets(path, request, image) {
  const url = new URL(path, location.href).href;
  showSnippet('img', imgTag(url, image));
  showSnippet('url', url);
  showSnippet('query', request.query);
  showSnippet('variables', formatVariables(request.variables));
  showSnippet('curl', curlCommand(location.origin, request));
  for (const button of document.querySelectorAll('button[data-copy]')) button.disabled = false;
}

/** Copies with the Clipboard API, or, where a page served over plain HTTP lacks it, execCommand. */
async function copyText(text) {
  if (navigator.clipboard !== undefined) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      // Fall through to the older way.
    }
  }
  const scratch = document.createElement('textarea');
  scratch.value = text;
  scratch.setAttribute('readonly', '');
  scratch.className = 'visually-hidden';
  document.body.append(scratch);
  scratch.select();
  const copied = document.execCommand('copy');
  scratch.remove();
  return copied;
}

async function copySnippet(button) {
  const name = button.dataset.copy;
  const what = button.textContent.trim().replace(/^Copy /u, '');
  const copied = await copyText(snippets.get(name) ?? '');
  if (copied) {
    copyStatus.textContent = `Copied the ${what}.`;
  } else {
    copyStatus.textContent = `Copying was refused; select the ${what} and press Ctrl+C.`;
    getSelection()?.selectAllChildren(document.getElementById(`snippet-${name}`));
  }
}

form.addEventListener('input', schedule);
form.addEventListener('change', schedule);
form.addEventListener('submit', (event) => {
  event.preventDefault();
  void update();
});
for (const button of document.querySelectorAll('button[data-copy]')) {
  button.addEventListener('click', () => void copySnippet(button));
}
syncVisibility();
void update();
