// ioredis's own declarations import 'redis-errors', which ships no types; with skipLibCheck off (the
// nodenext consumer checks every declaration file) that is TS7016 inside ioredis, not in our package.
// A user with skipLibCheck off needs the same one line.
declare module 'redis-errors';
