// The bench's stand-in for a vendor: a token endpoint that counts requests and a tiny API.
// It runs in its own process so it neither shares the client's CPU thread nor its sockets.
import { createServer } from 'node:http';

let tokenRequests = 0;
const body = JSON.stringify({ hits: 1, docs: [{ id: 'a' }] });

const server = createServer((req, res) => {
  if (req.url === '/token') {
    tokenRequests += 1;
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({ access_token: 'bench-token', token_type: 'Bearer', expires_in: 3600 }),
      );
    });
    return;
  }
  if (req.url === '/stats') {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ tokenRequests }));
    return;
  }
  if (req.url === '/reset') tokenRequests = 0;
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(body);
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  process.send?.({ port: server.address().port });
});
process.on('disconnect', () => process.exit(0));
