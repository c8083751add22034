// jest cannot require() an ES module (content-disposition 3 is ESM-only; Node itself can).
// @fastify/static, which serves Swagger UI, requires it, so tests get the same API from v1.
const contentDisposition = require('content-disposition-v1');
module.exports = { create: contentDisposition, parse: contentDisposition.parse };
