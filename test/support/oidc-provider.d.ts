// oidc-provider (v9) ships no types; the browser test uses only its constructor and `listen`.
declare module 'oidc-provider' {
  export default class Provider {
    constructor(issuer: string, configuration: Record<string, unknown>);
    listen(port: number): import('node:http').Server;
  }
}
