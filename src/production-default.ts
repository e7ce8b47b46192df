// Imported first by the server entry, so that it runs before graphql-js loads: the service runs as
// in production unless NODE_ENV says otherwise. graphql-js reads NODE_ENV once, when it loads, and
// outside production checks every `instanceof` for a second copy of itself: 5–10 % of the API's
// CPU (bench/README.md). The lockfile holds one copy, so the check finds nothing here.
process.env['NODE_ENV'] ??= 'production';
