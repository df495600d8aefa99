// A synchronous SHA-256 (FIPS 180-4). WebCrypto only digests asynchronously, but a manager's key
// (which holds a hash of the client id) is needed synchronously. Tests compare it with WebCrypto.
// The constants are derived from the primes as the standard defines them instead of being listed.
const K: number[] = [];
const H: number[] = [];
for (let n = 2; K.length < 64; n++) {
  let d = 2;
  while (n % d) d++;
  if (d === n)
    K.push(((Math.cbrt(n) % 1) * 2 ** 32) | 0) < 9 && H.push(((Math.sqrt(n) % 1) * 2 ** 32) | 0);
}

const rotr = (x: number, n: number) => (x >>> n) | (x << (32 - n));

/** SHA-256 of the UTF-8 bytes of `text`, as 64 lowercase hex digits. */
export function sha256Hex(text: string): string {
  const bytes = new TextEncoder().encode(text);
  const n = bytes.length;
  // Big-endian words of the message, the 1 bit, zero padding and the bit length (< 2^32 here).
  const m = new Int32Array((((n + 8) >> 6) + 1) * 16);
  for (let i = 0; i <= n; i++) {
    m[i >> 2] = (m[i >> 2] as number) | ((bytes[i] ?? 128) << (24 - (i % 4) * 8));
  }
  m[m.length - 1] = n * 8;
  const h = H.slice();
  const w: number[] = [];
  for (let o = 0; o < m.length; o += 16) {
    const v = h.slice();
    for (let i = 0; i < 64; i++) {
      const x = w[i - 15] as number;
      const y = w[i - 2] as number;
      w[i] =
        i < 16
          ? (m[o + i] as number)
          : ((w[i - 16] as number) +
              (rotr(x, 7) ^ rotr(x, 18) ^ (x >>> 3)) +
              (w[i - 7] as number) +
              (rotr(y, 17) ^ rotr(y, 19) ^ (y >>> 10))) |
            0;
      const [a, b, c, d, e, f, g, k] = v as [
        number,
        number,
        number,
        number,
        number,
        number,
        number,
        number,
      ];
      const t1 =
        k +
        (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) +
        ((e & f) ^ (~e & g)) +
        (K[i] as number) +
        (w[i] as number);
      v.unshift(
        (t1 + (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) | 0,
      );
      v[4] = (d + t1) | 0;
      v.pop();
    }
    h.forEach((x, i) => {
      h[i] = (x + (v[i] as number)) | 0;
    });
  }
  return h.map((x) => (x >>> 0).toString(16).padStart(8, '0')).join('');
}
