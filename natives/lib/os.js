// node:os — facts about the machine and the user (internal:os, over uname,
// /proc, getifaddrs, getpwuid_r), os.constants (errno, signals,
// priorities), EOL, devNull.
'use strict';

const binding = require('internal:os');
const processBinding = require('internal:process');
const { validateInt32 } = require('internal/validators');

function codes() {
  return require('internal/errors').codes;
}

const [sysname, release, version, machine] = binding.uname();

function cpus() {
  return binding.cpus().map(([model, speed, user, nice, sys, idle, irq]) => ({
    model, speed, times: { user, nice, sys, idle, irq },
  }));
}

// IPv4 netmask "255.255.255.0" / IPv6 "ffff:...": its prefix length for the cidr.
function prefixLength(netmask, family) {
  let bits = 0;
  if (family === 'IPv4') {
    for (const part of netmask.split('.')) bits += Number(part).toString(2).replace(/0/g, '').length;
  } else {
    for (const part of netmask.split(':')) if (part) bits += parseInt(part, 16).toString(2).replace(/0/g, '').length;
  }
  return bits;
}

function networkInterfaces() {
  const result = {};
  for (const [name, address, netmask, family, mac, internal, scopeid] of binding.networkInterfaces()) {
    const entry = { address, netmask, family, mac, internal, cidr: `${address}/${prefixLength(netmask, family)}` };
    if (family === 'IPv6') entry.scopeid = scopeid;
    (result[name] ??= []).push(entry);
  }
  return result;
}

function userInfo(options) {
  const info = binding.userInfo();
  if (info.errno !== undefined) {
    const err = new Error(`A system error occurred: uv_os_get_passwd returned ENOENT (no such file or directory)`);
    err.code = 'ERR_SYSTEM_ERROR';
    throw err;
  }
  if (options && options.encoding === 'buffer') {
    for (const key of ['username', 'homedir', 'shell']) info[key] = Buffer.from(info[key]);
  }
  return info;
}

function homedir() {
  return process.env.HOME || binding.userInfo().homedir || '';
}

function tmpdir() {
  const path = process.env.TMPDIR || process.env.TMP || process.env.TEMP || '/tmp';
  return path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
}

function getPriority(pid = 0) {
  validateInt32(pid, 'pid');
  const result = binding.getPriority(pid);
  if (Array.isArray(result)) throw systemError('uv_os_getpriority', result[0]);
  return result;
}

function setPriority(pid, priority) {
  if (priority === undefined) {
    priority = pid;
    pid = 0;
  }
  validateInt32(pid, 'pid');
  validateInt32(priority, 'priority', -20, 19);
  const error = binding.setPriority(pid, priority);
  if (error !== 0) throw systemError('uv_os_setpriority', error);
}

function systemError(syscall, errno) {
  const names = Object.entries(constants.errno);
  const code = names.find(([, n]) => n === errno)?.[0] ?? 'UNKNOWN';
  const err = new Error(`A system error occurred: ${syscall} returned ${code}`);
  err.code = 'ERR_SYSTEM_ERROR';
  err.errno = -errno;
  err.syscall = syscall;
  return err;
}

const signals = Object.assign({ __proto__: null }, processBinding.signals);
const constants = {
  UV_UDP_REUSEADDR: 4,
  dlopen: { __proto__: null, RTLD_LAZY: 1, RTLD_NOW: 2, RTLD_GLOBAL: 256, RTLD_LOCAL: 0, RTLD_DEEPBIND: 8 },
  errno: binding.errnoConstants(),
  signals,
  priority: {
    __proto__: null, PRIORITY_LOW: 19, PRIORITY_BELOW_NORMAL: 10, PRIORITY_NORMAL: 0, PRIORITY_ABOVE_NORMAL: -7,
    PRIORITY_HIGH: -14, PRIORITY_HIGHEST: -20,
  },
};

void codes;

module.exports = {
  arch: () => binding.arch,
  availableParallelism: () => binding.availableParallelism(),
  cpus,
  endianness: () => 'LE',
  freemem: () => binding.memory()[1],
  getPriority,
  homedir,
  hostname: () => binding.hostname(),
  loadavg: () => binding.loadavg(),
  networkInterfaces,
  platform: () => process.platform,
  release: () => release,
  setPriority,
  tmpdir,
  totalmem: () => binding.memory()[0],
  type: () => sysname,
  userInfo,
  uptime: () => binding.uptime(),
  version: () => version,
  machine: () => machine,
  constants,
  EOL: '\n',
  devNull: '/dev/null',
};
for (const [name, fn] of Object.entries(module.exports)) {
  if (typeof fn === 'function') {
    Object.defineProperty(fn, 'name', { value: name });
    fn[Symbol.toPrimitive] = () => fn();
  }
}
