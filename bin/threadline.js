#!/usr/bin/env node
'use strict';
// The CLI is compiled to dist/ by `npm run build` (run by `npm start`, `npm test` and `prepare`).
require('../dist/src/cli/main.js').main(process.argv.slice(2));
