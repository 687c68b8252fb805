// <mms-media-upload> rendered the way a server renders it: Lit SSR, the shadow root as declarative
// shadow DOM (`<template shadowrootmode="open">`). A script, run in a Node process of its own (Lit SSR
// puts its DOM shim on the globals): `node --import tsx test/helpers/server-render.ts '{"lang":"fr"}'`
// prints the markup. `entry` chooses the module that defines the element (default: the sources,
// which the browser tests hydrate); test/node/ssr.test.ts renders the built one too.
import { render } from '@lit-labs/ssr';
import { collectResult } from '@lit-labs/ssr/lib/render-result.js';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';

export interface ServerRenderOptions {
  entry?: string;
  lang?: string;
  provider?: string;
  capture?: string;
  manual?: boolean;
}

export function renderOnServer({ lang, provider, capture, manual = false }: ServerRenderOptions): Promise<string> {
  const markup = html`<mms-media-upload
    name="media"
    endpoint="/upload"
    ?manual=${manual}
    lang=${ifDefined(lang)}
    provider=${ifDefined(provider)}
    capture=${ifDefined(capture)}
  ></mms-media-upload>`;
  return collectResult(render(markup));
}

const options = JSON.parse(process.argv[2] ?? '{}') as ServerRenderOptions;
await import(options.entry ? new URL(options.entry, `file://${process.cwd()}/`).href : '../../src/index.js');
process.stdout.write(await renderOnServer(options));
