// The live page's files (tools/view/), compiled into glass: the inspector's
// HTTP server answers /view/<name> from this table.
#pragma once
#include <string_view>

namespace glass::inspector {

struct ViewFile {
  const char* name;  // "index.html", "view.js", "view.css"
  const char* type;  // its Content-Type
  const char* text;
};

// The file called `name`, or null.
const ViewFile* view_file(std::string_view name);

}  // namespace glass::inspector
