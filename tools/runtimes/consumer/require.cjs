// CommonJS consumer: every package through a real require() (require(esm), Node >= 20.19).
const names = [
  'core',
  'sparque',
  'squirro',
  'lucidworks-springboard',
  'lucidworks-ai',
  'lucidworks-identity',
  'oauth2',
  'testkit',
];
for (const name of names) {
  const mod = require(`@searchauth/${name}`);
  if (Object.keys(mod).length === 0) throw new Error(`@searchauth/${name} exported nothing`);
}
const { createTokenManager } = require('@searchauth/core');
const tokens = createTokenManager({
  key: { vendor: 'cjs', tokenUrl: 'https://id.example.test/token', clientId: 'app' },
  source: async () => ({ accessToken: 'cjs-token', expiresIn: 60 }),
});
tokens.getToken().then((token) => {
  tokens.dispose();
  if (token !== 'cjs-token') throw new Error('no token');
  console.log(
    JSON.stringify({ check: 'require', ok: true, detail: `${names.length} packages required` }),
  );
});
