/** webpack's require.context, used by the demo to bundle examples/ (asset/source) so it works offline. */
declare namespace NodeJS {
  interface WebpackContext {
    keys(): string[];
    (id: string): unknown;
  }
  interface Require {
    context(directory: string, useSubdirectories?: boolean, regExp?: RegExp): WebpackContext;
  }
}
