// Bundles the dashboard (its script with the parts of Apache ECharts it uses, its page and styles) into one folder
// that the function app embeds and serves: nothing is fetched from a CDN. Run by the app's build; by hand:
//   node dashboard/build.mjs [output folder, default artifacts/dashboard]
import { build } from 'esbuild';
import { copyFile, mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const out = process.argv[2] ?? join(here, '..', 'artifacts', 'dashboard');
await mkdir(out, { recursive: true });
await build({
  entryPoints: [join(here, 'src', 'main.js')],
  outfile: join(out, 'dashboard.js'),
  bundle: true,
  minify: true,
  format: 'iife',
  target: 'es2020',
  legalComments: 'eof',
  logLevel: 'warning',
});
await copyFile(join(here, 'index.html'), join(out, 'index.html'));
await copyFile(join(here, 'dashboard.css'), join(out, 'dashboard.css'));
