/** Where the build puts the full registry inside the extension package (wxt.config.ts). */
export const PACKAGED_REGISTRY_PATH = '/data/registry.json';
