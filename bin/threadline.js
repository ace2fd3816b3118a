#!/usr/bin/env node
'use strict';
// A server runs as in production unless told otherwise: graphql-js and Express then skip checks
// meant for development (graphql-js checks every instanceof across realms), about 10-30% of a
// cached request. Set before anything loads graphql, which reads it once.
if (!process.env.NODE_ENV && ['serve', 'start'].includes(process.argv[2])) process.env.NODE_ENV = 'production';
// The CLI is compiled to dist/ by `npm run build` (run by `npm start`, `npm test` and `prepare`).
require('../dist/src/cli/main.js').main(process.argv.slice(2));
