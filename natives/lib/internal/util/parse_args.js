// util.parseArgs: a command line split into option tokens, then folded
// into { values, positionals[, tokens] } as Node 20 does (long options
// with `=value` or a following argument, short groups `-abc`, `--` ending
// the options, negation `--no-x` with allowNegative; strict mode rejects
// unknown options, missing or ambiguous values and positionals).
'use strict';

const {
  validateArray, validateBoolean, validateObject, validateString, validateUnion,
} = require('internal/validators');
const {
  codes: {
    ERR_INVALID_ARG_VALUE, ERR_PARSE_ARGS_INVALID_OPTION_VALUE, ERR_PARSE_ARGS_UNKNOWN_OPTION,
    ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL,
  },
} = require('internal/errors');

const hasOwn = (obj, key) => Object.prototype.hasOwnProperty.call(obj, key);

// The arguments after the script (for -e/-p, after the executable).
function mainArgs() {
  const execArgv = process.execArgv;
  const evaluated = execArgv.some((a) => a === '-e' || a === '--eval' || a === '-p' || a === '--print' ||
                                         a.startsWith('--eval=') || a.startsWith('--print=') || a === '-pe');
  return process.argv.slice(evaluated ? 1 : 2);
}

const isOptionLike = (arg) => arg != null && arg.length > 1 && arg[0] === '-';
const isLongOption = (arg) => arg.length > 2 && arg.startsWith('--');

function findLongByShort(short, options) {
  for (const name of Object.keys(options)) {
    if (options[name].short === short) return name;
  }
  return short;
}

function optionType(options, name) {
  return hasOwn(options, name) ? options[name].type : undefined;
}

const isLoneShort = (arg) => arg.length === 2 && arg[0] === '-' && arg[1] !== '-';
const isShortWithRest = (arg) => arg.length > 2 && arg[0] === '-' && arg[1] !== '-';

// Splits args into tokens: option (name, rawName, index, value,
// inlineValue), positional (value, index) and option-terminator.
function tokenize(args, options) {
  const tokens = [];
  let index = -1;
  let groupCount = 0;   // arguments still to come from an expanded -abc
  const remaining = args.slice();
  const option = (name, rawName, value, inlineValue) => {
    tokens.push({ kind: 'option', name, rawName, index, value, inlineValue });
  };
  while (remaining.length > 0) {
    const arg = remaining.shift();
    const next = remaining[0];
    if (groupCount > 0) groupCount--;
    else index++;

    if (arg === '--') {
      tokens.push({ kind: 'option-terminator', index });
      for (const rest of remaining) tokens.push({ kind: 'positional', index: ++index, value: rest });
      break;
    }
    if (isLoneShort(arg) || (isLongOption(arg) && !arg.includes('='))) {
      // -f or --foo, with the next argument as the value of a string option.
      const name = isLongOption(arg) ? arg.slice(2) : findLongByShort(arg[1], options);
      if (optionType(options, name) === 'string' && next !== undefined) {
        option(name, arg, remaining.shift(), false);
        index++;
      } else {
        option(name, arg, undefined, undefined);
      }
      continue;
    }
    if (isShortWithRest(arg)) {
      const first = findLongByShort(arg[1], options);
      if (optionType(options, first) === 'string') {
        // -fVALUE
        option(first, `-${arg[1]}`, arg.slice(2), true);
        continue;
      }
      // -abc: one flag per letter until a string option, which takes the
      // rest of the group as its value (or the next argument when last).
      const expanded = [];
      for (let i = 1; i < arg.length; i++) {
        const name = findLongByShort(arg[i], options);
        if (optionType(options, name) === 'string' && i !== arg.length - 1) {
          expanded.push(`-${arg.slice(i)}`);
          break;
        }
        expanded.push(`-${arg[i]}`);
      }
      remaining.unshift(...expanded);
      groupCount = expanded.length;
      continue;
    }
    if (isLongOption(arg)) {
      // --foo=value
      const eq = arg.indexOf('=');
      option(arg.slice(2, eq), arg.slice(0, eq), arg.slice(eq + 1), true);
      continue;
    }
    tokens.push({ kind: 'positional', index, value: arg });
  }
  return tokens;
}

function describe(name, options) {
  const short = hasOwn(options, name) ? options[name].short : undefined;
  return short ? `-${short}, --${name}` : `--${name}`;
}

function checkToken(token, options, allowPositionals, allowNegative) {
  let name = token.name;
  if (!hasOwn(options, name)) {
    // --no-NAME is known only as the negation of a boolean NAME.
    name = allowNegative && name.startsWith('no-') ? name.slice(3) : undefined;
    if (name === undefined || !hasOwn(options, name) || options[name].type !== 'boolean') {
      throw new ERR_PARSE_ARGS_UNKNOWN_OPTION(token.rawName, allowPositionals);
    }
  }
  const type = options[name].type;
  if (type === 'string' && typeof token.value !== 'string') {
    throw new ERR_PARSE_ARGS_INVALID_OPTION_VALUE(`Option '${describe(name, options)} <value>' argument missing`);
  }
  if (type === 'boolean' && token.value != null) {
    throw new ERR_PARSE_ARGS_INVALID_OPTION_VALUE(`Option '${describe(name, options)}' does not take an argument`);
  }
  if (type === 'string' && !token.inlineValue && isOptionLike(token.value)) {
    const example = token.rawName.startsWith('--') ? `'--${token.name}=-XYZ'` : `'--${token.name}=-XYZ' or '${token.rawName}-XYZ'`;
    throw new ERR_PARSE_ARGS_INVALID_OPTION_VALUE(
      `Option '${token.rawName}' argument is ambiguous.\n` +
      `Did you forget to specify the option argument for '${token.rawName}'?\n` +
      `To specify an option argument starting with a dash use ${example}.`);
  }
}

function storeOption(values, name, value, options) {
  if (name === '__proto__') return;
  const stored = value ?? true;
  if (hasOwn(options, name) && options[name].multiple) {
    if (values[name] === undefined) values[name] = [stored];
    else values[name].push(stored);
  } else {
    values[name] = stored;
  }
}

function validateOptions(options) {
  validateObject(options, 'options');
  for (const name of Object.keys(options)) {
    const option = options[name];
    validateObject(option, `options.${name}`);
    const type = option.type;
    validateUnion(type, `options.${name}.type`, ['string', 'boolean']);
    if (hasOwn(option, 'short')) {
      validateString(option.short, `options.${name}.short`);
      if (option.short.length !== 1) {
        throw new ERR_INVALID_ARG_VALUE(`options.${name}.short`, option.short, 'must be a single character');
      }
    }
    const multiple = option.multiple;
    if (hasOwn(option, 'multiple')) validateBoolean(multiple, `options.${name}.multiple`);
    if (hasOwn(option, 'default')) {
      const def = option.default;
      const what = `options.${name}.default`;
      if (multiple) {
        validateArray(def, what);
        for (let i = 0; i < def.length; i++) {
          if (type === 'string') validateString(def[i], `${what}[${i}]`);
          else validateBoolean(def[i], `${what}[${i}]`);
        }
      } else if (type === 'string') {
        validateString(def, what);
      } else {
        validateBoolean(def, what);
      }
    }
  }
}

function parseArgs(config = { __proto__: null }) {
  const args = config.args ?? mainArgs();
  const strict = config.strict ?? true;
  const allowPositionals = config.allowPositionals ?? !strict;
  const returnTokens = config.tokens ?? false;
  const allowNegative = config.allowNegative ?? false;
  const options = config.options ?? { __proto__: null };
  validateArray(args, 'args');
  validateBoolean(strict, 'strict');
  validateBoolean(allowPositionals, 'allowPositionals');
  validateBoolean(returnTokens, 'tokens');
  validateBoolean(allowNegative, 'allowNegative');
  validateOptions(options);

  const tokens = tokenize(args, options);
  const result = { values: { __proto__: null }, positionals: [] };
  if (returnTokens) result.tokens = tokens;
  for (const token of tokens) {
    if (token.kind === 'option') {
      if (strict) checkToken(token, options, allowPositionals, allowNegative);
      // --no-NAME (without a value) under allowNegative is NAME set to false;
      // the token is renamed too.
      if (allowNegative && token.name.startsWith('no-') && token.value === undefined) {
        token.name = token.name.slice(3);
        storeOption(result.values, token.name, false, options);
      } else {
        storeOption(result.values, token.name, token.value, options);
      }
    } else if (token.kind === 'positional') {
      if (!allowPositionals) throw new ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL(token.value);
      result.positionals.push(token.value);
    }
  }
  for (const name of Object.keys(options)) {
    if (hasOwn(options[name], 'default') && result.values[name] === undefined) {
      result.values[name] = options[name].default;
    }
  }
  return result;
}

module.exports = { parseArgs };
