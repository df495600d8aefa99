// CommonJS consumer: every package is loaded with a real require() (require(esm), Node >= 20.19).
const { runParts } = require('./dist/run-parts.js');

runParts(async (name) => require(name), 'require').catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
