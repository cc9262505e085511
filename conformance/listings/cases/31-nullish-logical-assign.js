// ?? tests only null/undefined; ||= and ??= assign only when needed, so the setter is not called otherwise.
const opts = { retries: 0, name: '' };
opts.retries ??= 3;
opts.name ||= 'default';
opts.timeout ??= 1000;
console.log(opts.retries, opts.name, opts.timeout, null ?? 'fallback', 0 || 'or');
