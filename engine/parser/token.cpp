#include "token.h"

namespace glass {

std::string_view token_text(TokenKind kind) {
  switch (kind) {
#define GLASS_TOKEN_TEXT(name, text) \
  case TokenKind::name:              \
    return text;
    GLASS_TOKENS(GLASS_TOKEN_TEXT)
#undef GLASS_TOKEN_TEXT
  }
  return "?";
}

std::string_view token_name(TokenKind kind) {
  switch (kind) {
#define GLASS_TOKEN_NAME(name, text) \
  case TokenKind::name:              \
    return #name;
    GLASS_TOKENS(GLASS_TOKEN_NAME)
#undef GLASS_TOKEN_NAME
  }
  return "?";
}

}  // namespace glass
