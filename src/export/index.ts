// The export area: what the HTTP app mounts.
export { createExportRouter } from './export.router.js';
