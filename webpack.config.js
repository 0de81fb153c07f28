/* eslint-disable no-console */
// webpack config following Microsoft's Office add-in template conventions:
// one entry per page (taskpane, demo; the manifests' FunctionFile is taskpane.html, so no commands page), HtmlWebpackPlugin per page,
// CopyWebpackPlugin for assets and manifests, dev server on https://localhost:3000.
//
//   npm start                     build + serve the demo at https://localhost:3000/ (opens a browser when there is a desktop)
//   npm run build:web             production build into dist/ (npm run build: the CLI into lib/, then this)
//   webpack --mode production --env hello   the bundle-size baseline (test/bench/hello.tsx) into dist/hello/
//
// Manifests: in production builds, every "https://localhost:3000/" in manifest*.xml and manifest.json is
// replaced with process.env.ADDIN_PUBLIC_URL (must end with "/"), or with the placeholder
// "https://www.contoso.com/" when it is not set — set ADDIN_PUBLIC_URL to where dist/ is hosted.
// dist/jobplan-evidens.zip is the app package (manifest.json + its app icons) for the admin center.
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { appPackage } = require('./scripts/app-package');

const DEV_URL = 'https://localhost:3000/';
const DEFAULT_PUBLIC_URL = 'https://www.contoso.com/';
const PORT = Number(process.env.npm_package_config_dev_server_port || 3000);

/** The same policy the pages carry in their <meta> tag; the dev server also sends it as a header. */
const CSP = [
  "default-src 'self'",
  "script-src 'self' https://appsforoffice.microsoft.com",
  "connect-src 'self'",
  "img-src 'self' data:",
  // Fluent UI v9 (Griffel) inserts <style> elements at runtime.
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
].join('; ');

/**
 * HTTPS for the dev server. Office needs a trusted certificate: office-addin-dev-certs
 * creates and trusts one (Windows/macOS; on Linux it needs sudo). We use it only when it
 * works without prompting; otherwise webpack-dev-server's own self-signed certificate
 * (the browser shows a warning once; fine for the demo, not for sideloading into Office).
 * JPE_DEV_CERTS=0 skips office-addin-dev-certs altogether.
 */
async function httpsServer() {
  if (process.env.JPE_DEV_CERTS === '0') return 'https';
  try {
    const certs = require('office-addin-dev-certs');
    const verify = require('office-addin-dev-certs/lib/verify');
    const alreadyTrusted = typeof verify.verifyCertificates === 'function' && verify.verifyCertificates();
    if (!alreadyTrusted && process.platform === 'linux') {
      // Installing the CA runs "sudo sh …": only try when sudo needs no password.
      const { execSync } = require('child_process');
      try {
        execSync('sudo -n true', { stdio: 'ignore', timeout: 3000 });
      } catch {
        console.log('[jobplan-evidens] office-addin-dev-certs needs sudo on Linux; using a self-signed certificate for the dev server (run "npx office-addin-dev-certs install" once to trust one).');
        return 'https';
      }
    }
    const options = await Promise.race([
      certs.getHttpsServerOptions(),
      new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 20000)),
    ]);
    return { type: 'https', options };
  } catch (e) {
    console.log('[jobplan-evidens] office-addin-dev-certs unavailable (' + (e && e.message ? e.message.split('\n')[0] : e) + '); using a self-signed certificate.');
    return 'https';
  }
}

/** dist/jobplan-evidens.zip: manifest.json (as copied, URLs replaced) and its two app icons, for the admin center. */
class AppPackagePlugin {
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap('AppPackagePlugin', (compilation) => {
      compilation.hooks.processAssets.tapPromise(
        { name: 'AppPackagePlugin', stage: Compilation.PROCESS_ASSETS_STAGE_SUMMARIZE },
        async () => {
          const asset = compilation.getAsset('manifest.json');
          if (!asset) return;
          const zip = await appPackage(asset.source.source().toString(), __dirname);
          compilation.emitAsset('jobplan-evidens.zip', new sources.RawSource(zip));
        },
      );
    });
  }
}

/** A browser can be opened here: not Linux without a display, not CI, not an SSH session without one. */
function hasDesktop() {
  if (process.env.CI || process.env.JPE_NO_OPEN) return false;
  if (process.platform === 'linux') return !!(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
  return true;
}

module.exports = async (env = {}, argv = {}) => {
  const mode = argv.mode || (env.production ? 'production' : 'development');
  const dev = mode !== 'production';
  const hello = !!env.hello;
  const serving = process.argv.some((a) => a === 'serve') || !!process.env.WEBPACK_SERVE;
  const publicUrl = process.env.ADDIN_PUBLIC_URL || DEFAULT_PUBLIC_URL;

  const entry = hello
    ? { hello: './test/bench/hello.tsx' }
    : {
        taskpane: './src/taskpane/index.tsx',
        demo: './src/demo/demo.tsx',
        // Outlook Smart Alerts (OnMessageSend): the CPR guard on Send, run with the pane closed.
        launchevent: './src/launchevent/index.ts',
      };

  const htmlPage = (filename, template, chunk) =>
    new HtmlWebpackPlugin({ filename, template, chunks: [chunk], scriptLoading: 'defer', inject: 'head' });

  const plugins = hello
    ? [
        new HtmlWebpackPlugin({
          filename: 'hello.html',
          templateContent: '<!doctype html><html lang="da"><head><meta charset="utf-8"><title>hello</title></head><body><div id="root"></div></body></html>',
          chunks: ['hello'],
        }),
      ]
    : [
        htmlPage('taskpane.html', './src/taskpane/taskpane.html', 'taskpane'),
        htmlPage('demo.html', './src/demo/demo.html', 'demo'),
        // no defer/head injection: the event runtime must have associated the handler when it loads
        new HtmlWebpackPlugin({ filename: 'launchevent.html', template: './src/launchevent/launchevent.html', chunks: ['launchevent'], inject: 'body' }),
        new CopyWebpackPlugin({
          patterns: [
            { from: 'assets/*', to: 'assets/[name][ext]', noErrorOnMissing: true },
            {
              from: 'manifest*.{xml,json}',
              to: '[name][ext]',
              noErrorOnMissing: true,
              transform(content) {
                if (dev) return content;
                return content.toString().split(DEV_URL).join(publicUrl);
              },
            },
          ],
        }),
        new AppPackagePlugin(),
      ];

  const config = {
    mode,
    // No eval-based source maps: the pages' CSP has no 'unsafe-eval'.
    devtool: dev ? 'source-map' : false,
    entry,
    output: {
      path: path.resolve(__dirname, hello ? 'dist/hello' : 'dist'),
      filename: '[name].js',
      clean: true,
    },
    resolve: { extensions: ['.ts', '.tsx', '.js', '.json'] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: {
              transpileOnly: true,
              configFile: path.resolve(__dirname, 'tsconfig.json'),
              // ES modules so webpack can tree-shake Fluent UI; the repo's tsconfig emits CommonJS for node/jest.
              compilerOptions: { module: 'esnext', moduleResolution: 'node', sourceMap: dev, noEmit: false },
            },
          },
        },
        // The core is pure (no module does anything on import; the architecture test fences it), so the
        // bundles may drop the core modules an entry does not use although every import goes through
        // core/index.ts: the Smart Alerts runtime takes findCpr and its wording, not the evidence set.
        { include: [path.resolve(__dirname, 'src/core')], sideEffects: false },
        // The demo's example plans are bundled as strings so the demo works offline.
        { test: /\.txt$/, type: 'asset/source' },
        // The demo's example mails (Outlook mode): HTML bodies as strings, only from examples/mails (page templates keep their loader).
        { test: /\.html$/, include: [path.resolve(__dirname, 'examples/mails')], type: 'asset/source' },
      ],
    },
    plugins,
    performance: { hints: false },
    devServer: {
      port: PORT,
      host: 'localhost',
      allowedHosts: ['localhost', '127.0.0.1'],
      headers: { 'Content-Security-Policy': CSP, 'Access-Control-Allow-Origin': '*' },
      static: false,
      hot: false,
      liveReload: true,
      client: { overlay: { errors: true, warnings: false, runtimeErrors: false } },
      // The demo at the root address (the pages stay at /demo.html and /taskpane.html too).
      devMiddleware: { index: 'demo.html' },
      open: env.noopen || !hasDesktop() ? false : '/',
      onListening(server) {
        const addr = server.server && server.server.address();
        const port = addr && typeof addr === 'object' ? addr.port : PORT;
        const url = `https://localhost:${port}/`;
        console.log(
          hasDesktop() && !env.noopen
            ? `[jobplan-evidens] The demo is at ${url} (opening it in your browser).`
            : `[jobplan-evidens] The demo is at ${url} — open that address in a browser.`,
        );
      },
    },
  };

  if (serving && !hello) config.devServer.server = await httpsServer();
  return config;
};

module.exports.CSP = CSP;
