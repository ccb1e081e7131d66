// nlpp: an ip-like command line over the library.
//
//     nlpp [OPTIONS] OBJECT [COMMAND [ARGUMENTS]]
//
// Exit status: 0 success, 1 an error of the kernel or the system, 2 a
// usage error (nothing was sent).
#include "commands.hpp"
#include "names.hpp"
#include "usage.hpp"

#include <nlpp/core/error.hpp>

#include <sys/socket.h>

#include <iostream>
#include <optional>
#include <string_view>
#include <system_error>
#include <vector>

namespace nlpp::cli {
namespace {

// The options before the object; returns the index of the object's word.
size_t parse_options(std::span<const std::string_view> arguments, Options& options) {
  Words words(arguments);
  // -h / --help is read as the object word ("nlpp --help"), not as an option.
  const auto is_help = [](std::string_view word) { return word == "-h" || word == "--help" || word == "-help"; };
  while (!words.empty() && words.peek().starts_with('-') && !is_help(words.peek())) {
    const std::string_view option = words.take("");
    if (option == "-j" || option == "--json" || option == "-json") {
      options.json = true;
    } else if (option == "-p" || option == "--pretty" || option == "-pretty") {
      options.pretty = true;
    } else if (option == "-d" || option == "--details" || option == "-details") {
      options.details = true;
    } else if (option == "-s" || option == "-stats" || option == "-statistics" || option == "--stats") {
      options.stats = true;
    } else if (option == "-n" || option == "--netns" || option == "-netns") {
      options.netns = std::string(words.value_of(option));
    } else if (option == "-b" || option == "-batch" || option == "--batch") {
      options.batch = std::string(words.value_of(option));
    } else if (option == "-force" || option == "--force") {
      options.force = true;
    } else if (option == "-atomic" || option == "--atomic") {
      options.atomic = true;
    } else if (const std::optional<ColourWhen> colour = colour_option(option, words)) {
      options.colour = *colour;
    } else if (option == "-4") {
      options.family = AF_INET;
    } else if (option == "-6") {
      options.family = AF_INET6;
    } else if (option == "-f" || option == "--family" || option == "-family") {
      options.family = parse_family(words.value_of(option));
    } else {
      throw UsageError("unknown option " + quoted(option) + " (nlpp --help)");
    }
  }
  return arguments.size() - words.rest().size();
}

int run(std::span<const std::string_view> arguments) {
  Options options;
  const size_t object_index = parse_options(arguments, options);
  Words words(arguments.subspan(object_index));
  if (options.atomic && options.force)
    throw UsageError("-atomic and -force contradict each other: -atomic applies every line or none, -force goes on "
                     "after a failing line");
  if (options.atomic && !options.batch) throw UsageError("-atomic goes with -batch FILE (nlpp --help)");
  if (options.batch) {
    if (!words.empty()) throw UsageError("-batch takes no object: " + quoted(words.peek()) + " (nlpp --help)");
    Session session(options, std::cout);
    return run_batch(session, *options.batch);
  }
  if (words.empty()) {
    // `nlpp` alone: what it takes, on stderr, as a usage error (as `ip`).
    print_usage(std::cerr);
    return exit_usage_error;
  }
  const std::string_view object_word = words.take("");
  if (object_word == "help" || object_word == "--help" || object_word == "-h" ||
      object_word == "-help") {
    print_usage(std::cout);
    return 0;
  }
  const ObjectCommand* object = find_object(object_word);
  if (object == nullptr) throw UsageError("unknown object " + quoted(object_word) + " (nlpp --help)");
  const std::string_view command = words.empty() ? std::string_view() : words.take("");
  if (command == "help" || command == "--help" || command == "-h") {
    std::cout << object->help;
    return 0;
  }
  check_options(*object, options);
  Session session(options, std::cout);
  object->run(session, command, words);
  return 0;
}

bool is_usage_error(const std::error_code& code) { return code == make_error_code(errc::invalid_argument); }

}  // namespace
}  // namespace nlpp::cli

int main(int argc, char** argv) {
  using namespace nlpp::cli;
  const std::vector<std::string_view> arguments(argv + 1, argv + argc);
  try {
    const int status = run(arguments);
    // Output that could not be written (a full disk, a closed pipe) is a failure, not a success.
    if (!(std::cout << std::flush)) {
      std::cerr << "nlpp: cannot write the output" << '\n';
      return exit_kernel_error;
    }
    return status;
  } catch (const UsageError& error) {
    std::cerr << "nlpp: " << error.what() << '\n';
    return exit_usage_error;
  } catch (const nlpp::Exception& error) {
    // Its text, whole: what() would end at a NUL of a name it quotes.
    std::cerr << "nlpp: " << printable(error.error().describe()) << '\n';
    return is_usage_error(error.code()) ? exit_usage_error : exit_kernel_error;
  } catch (const std::system_error& error) {
    std::cerr << "nlpp: " << error.what() << '\n';
    return is_usage_error(error.code()) ? exit_usage_error : exit_kernel_error;
  } catch (const std::exception& error) {
    // Whatever else went wrong (memory ran out, say) is reported, never an abort.
    std::cerr << "nlpp: " << error.what() << '\n';
    return exit_kernel_error;
  }
}
