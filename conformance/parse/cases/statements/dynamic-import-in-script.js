// expect: ok
import('./x.js');
import('./x.json', { with: { type: 'json' } });
