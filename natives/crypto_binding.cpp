// internal:crypto — OpenSSL's digests, HMAC, PBKDF2 and random bytes for
// lib/crypto.js. Data crosses as byte strings (one code unit per byte):
// the JS side encodes its inputs (and makes Buffers of the results) and
// decodes the results. An unknown algorithm gives null (the JS side words
// Node's error).
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>

#include <string>
#include <vector>

#include "builtins/builtins.h"
#include "natives/encodings.h"
#include "natives/runtime.h"

namespace glass::natives {

namespace {

std::string bytes_arg(Vm& vm, std::span<const Value> args, size_t i) {
  return encode_string(to_string(vm, arg(args, i)), Encoding::Latin1);
}

const EVP_MD* digest_named(Vm& vm, Value name) {
  return EVP_get_digestbyname(to_utf8(vm, name).c_str());
}

Value byte_string(Vm& vm, const unsigned char* data, size_t size) {
  return string_value(String::from_latin1(vm.heap(), std::string_view(reinterpret_cast<const char*>(data), size)));
}

// digest(algorithm, bytes): the digest of bytes, or null.
Value crypto_digest(Vm& vm, Value, std::span<const Value> args, Value) {
  const EVP_MD* md = digest_named(vm, arg(args, 0));
  if (!md) return Value::null();
  std::string data = bytes_arg(vm, args, 1);
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned size = 0;
  if (EVP_Digest(data.data(), data.size(), out, &size, md, nullptr) != 1) return Value::null();
  return byte_string(vm, out, size);
}

// hmac(algorithm, key, bytes): the HMAC of bytes under key, or null.
Value crypto_hmac(Vm& vm, Value, std::span<const Value> args, Value) {
  const EVP_MD* md = digest_named(vm, arg(args, 0));
  if (!md) return Value::null();
  std::string key = bytes_arg(vm, args, 1);
  std::string data = bytes_arg(vm, args, 2);
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned size = 0;
  if (!HMAC(md, key.data(), int(key.size()), reinterpret_cast<const unsigned char*>(data.data()), data.size(), out,
            &size))
    return Value::null();
  return byte_string(vm, out, size);
}

// pbkdf2(password, salt, iterations, keylen, digest): the derived key, or null.
Value crypto_pbkdf2(Vm& vm, Value, std::span<const Value> args, Value) {
  std::string password = bytes_arg(vm, args, 0);
  std::string salt = bytes_arg(vm, args, 1);
  double iterations = to_number(vm, arg(args, 2));
  double keylen = to_number(vm, arg(args, 3));
  const EVP_MD* md = digest_named(vm, arg(args, 4));
  if (!md || iterations < 1 || iterations > 2147483647 || keylen < 0 || keylen > 2147483647) return Value::null();
  std::vector<unsigned char> out(static_cast<size_t>(keylen));
  if (PKCS5_PBKDF2_HMAC(password.data(), int(password.size()), reinterpret_cast<const unsigned char*>(salt.data()),
                        int(salt.size()), int(iterations), md, int(out.size()), out.data()) != 1)
    return Value::null();
  return byte_string(vm, out.data(), out.size());
}

// randomBytes(n): n bytes from OpenSSL's CSPRNG (n already checked by JS).
Value crypto_random_bytes(Vm& vm, Value, std::span<const Value> args, Value) {
  double n = to_number(vm, arg(args, 0));
  if (!(n >= 0 && n <= double(1 << 30))) vm.throw_error(ErrorType::RangeError, "randomBytes: size out of range");
  std::vector<unsigned char> out(static_cast<size_t>(n));
  if (!out.empty() && RAND_bytes(out.data(), int(out.size())) != 1)
    vm.throw_error(ErrorType::Error, "randomBytes: the random generator failed");
  return byte_string(vm, out.data(), out.size());
}

// hashes(): the digest names OpenSSL knows, sorted (crypto.getHashes()).
Value crypto_hashes(Vm& vm, Value, std::span<const Value>, Value) {
  std::vector<std::string> names;
  EVP_MD_do_all_sorted(
      [](const EVP_MD* md, const char* from, const char*, void* out) {
        if (md && from) static_cast<std::vector<std::string>*>(out)->push_back(from);
      },
      &names);
  ValueVector list(vm.heap());
  for (const std::string& name : names) list.values.push_back(string_value(vm.new_string(name)));
  return object_value(vm.new_array_from(list.values));
}

}  // namespace

Value crypto_binding(Runtime& rt) {
  Vm& vm = rt.vm();
  gc::Rooted<Object> b(vm.heap(), vm.new_object());
  vm.define_native(b, "digest", crypto_digest, 2);
  vm.define_native(b, "hmac", crypto_hmac, 3);
  vm.define_native(b, "pbkdf2", crypto_pbkdf2, 5);
  vm.define_native(b, "randomBytes", crypto_random_bytes, 1);
  vm.define_native(b, "hashes", crypto_hashes, 0);
  return object_value(b);
}

}  // namespace glass::natives
