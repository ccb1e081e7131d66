#include <nlpp/format/table.hpp>

#include <algorithm>

namespace nlpp::format {

TextTable::TextTable(std::vector<TextCell> header) { rows_.push_back(std::move(header)); }

void TextTable::add_row(std::vector<TextCell> cells) { rows_.push_back(std::move(cells)); }

std::string TextTable::to_string(TextStyle style) const {
  std::vector<size_t> widths;
  for (const auto& row : rows_) {
    if (widths.size() < row.size()) widths.resize(row.size());
    for (size_t column = 0; column < row.size(); ++column)
      widths[column] = std::max(widths[column], row[column].text.size());
  }
  std::string out;
  for (const auto& row : rows_) {
    // The line ends at its last cell with text: no padding, no separator
    // after it (padding after an escape would survive a trim of spaces).
    const auto last =
        std::ranges::find_if(row.rbegin(), row.rend(), [](const TextCell& cell) { return !cell.text.empty(); });
    const size_t cells = static_cast<size_t>(row.rend() - last);
    for (size_t column = 0; column < cells; ++column) {
      if (column != 0) out += "  ";
      const TextCell& cell = row[column];
      out += coloured(cell.text, cell.colour, style);
      if (column + 1 != cells) out.append(widths[column] - cell.text.size(), ' ');
    }
    out += '\n';
  }
  return out;
}

}  // namespace nlpp::format
