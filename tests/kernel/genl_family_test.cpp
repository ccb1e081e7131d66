// Generic netlink families against the kernel, from a fresh namespace: the
// dump and the get through nlpp's generic netlink session, compared with
// what `genl ctrl list` prints; family ids resolved once per session; the
// kernel's error for a family it does not have.
#include <nlpp/genl/generic_netlink.hpp>

#include "support/netns_fixture.hpp"
#include "support/subprocess.hpp"

#include <gtest/gtest.h>

#include <cerrno>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace nlpp::genl {
namespace {

// What `genl ctrl list` says of one family.
struct ListedFamily {
  uint16_t id = 0;
  uint32_t version = 0;
  uint32_t header_size = 0;
  uint32_t max_attribute = 0;
  std::map<uint32_t, std::optional<uint32_t>> operation_flags;  // command -> capabilities, where genl prints them
  std::map<std::string, uint32_t> multicast_groups;  // name -> id
};

unsigned long number_after(const std::string& line, const std::string& label) {
  const size_t at = line.find(label);
  return at == std::string::npos ? 0 : std::stoul(line.substr(at + label.size()), nullptr, 0);
}

// Parses genl's text (genl/ctrl.c): "Name: X", then "ID: 0x.. Version: 0x..
// header size: N max attribs: N", commands "#N:  ID-0x.." each followed by
// "Capabilities (0x..):", groups "#N:  ID-0x..  name: X".
std::map<std::string, ListedFamily> genl_ctrl_list(const std::string& ns) {
  Result<test::CommandOutput> output = test::run_command({"ip", "netns", "exec", ns, "genl", "ctrl", "list"});
  EXPECT_TRUE(output && output->exit_code == 0) << (output ? output->err : output.error().describe());
  std::map<std::string, ListedFamily> families;
  if (!output) return families;
  std::istringstream text(output->out);
  ListedFamily* family = nullptr;
  bool in_groups = false;
  uint32_t command = 0;
  for (std::string line; std::getline(text, line);) {
    if (line.rfind("Name: ", 0) == 0) {
      family = &families[line.substr(6)];
      in_groups = false;
    } else if (family == nullptr) {
      continue;
    } else if (line.find("ID: ") != std::string::npos && line.find("Version: ") != std::string::npos) {
      family->id = static_cast<uint16_t>(number_after(line, "ID: "));
      family->version = static_cast<uint32_t>(number_after(line, "Version: "));
      family->header_size = static_cast<uint32_t>(number_after(line, "header size: "));
      family->max_attribute = static_cast<uint32_t>(number_after(line, "max attribs: "));
    } else if (line.find("multicast groups:") != std::string::npos) {
      in_groups = true;
    } else if (line.find("ID-") != std::string::npos) {
      const auto id = static_cast<uint32_t>(number_after(line, "ID-"));
      if (in_groups) {
        std::string name = line.substr(line.find("name: ") + 6);
        name.erase(name.find_last_not_of(' ') + 1);
        family->multicast_groups[name] = id;
      } else {
        command = id;
        family->operation_flags[command] = std::nullopt;
      }
    } else if (line.find("Capabilities (") != std::string::npos) {
      family->operation_flags[command] = static_cast<uint32_t>(number_after(line, "Capabilities ("));
    }
  }
  return families;
}

class GenlFamilies : public test::NetnsTest {
 protected:
  void SetUp() override {
    NetnsTest::SetUp();
    Result<GenericNetlink> opened = GenericNetlink::open({.netns = ns_ref()});
    ASSERT_TRUE(opened) << opened.error().describe();
    genl_.emplace(std::move(*opened));
  }
  GenericNetlink& genl() { return *genl_; }

 private:
  std::optional<GenericNetlink> genl_;
};

TEST_F(GenlFamilies, the_dump_holds_every_family_genl_lists_with_its_ids_operations_and_groups) {
  Result<std::vector<Family>> dumped = genl().dump<Family>();
  ASSERT_TRUE(dumped) << dumped.error().describe();
  const std::map<std::string, ListedFamily> listed = genl_ctrl_list(ns_name());
  ASSERT_FALSE(listed.empty());
  EXPECT_EQ(dumped->size(), listed.size());
  for (const Family& family : *dumped) {
    SCOPED_TRACE(family.name);
    const auto found = listed.find(family.name);
    ASSERT_NE(found, listed.end());
    const ListedFamily& expected = found->second;
    EXPECT_EQ(family.id, expected.id);
    EXPECT_EQ(family.version, expected.version);
    EXPECT_EQ(family.header_size, expected.header_size);
    EXPECT_EQ(family.max_attribute, expected.max_attribute);
    // genl prints an operation's capabilities for some families only
    // (nlctrl's): where it does, they are the flags.
    std::map<uint32_t, std::optional<uint32_t>> operation_flags;
    for (const FamilyOperation& operation : family.operations) {
      const auto listed_operation = expected.operation_flags.find(operation.command);
      const bool printed = listed_operation != expected.operation_flags.end() && listed_operation->second;
      operation_flags[operation.command] = printed ? std::optional<uint32_t>(operation.flags) : std::nullopt;
    }
    EXPECT_EQ(operation_flags, expected.operation_flags);
    std::map<std::string, uint32_t> groups;
    for (const MulticastGroup& group : family.multicast_groups) groups[group.name] = group.id;
    EXPECT_EQ(groups, expected.multicast_groups);
  }
}

TEST_F(GenlFamilies, nlctrl_describes_itself_with_its_fixed_id_and_notify_group) {
  Result<Family> nlctrl = genl().get(Family{.name = "nlctrl"});
  ASSERT_TRUE(nlctrl) << nlctrl.error().describe();
  EXPECT_EQ(nlctrl->id, GENL_ID_CTRL);
  EXPECT_EQ(nlctrl->version, 2u);
  ASSERT_EQ(nlctrl->multicast_groups.size(), 1u);
  EXPECT_EQ(nlctrl->multicast_groups[0].name, "notify");
  bool has_getfamily = false;
  for (const FamilyOperation& operation : nlctrl->operations)
    has_getfamily |= operation.command == CTRL_CMD_GETFAMILY && (operation.flags & GENL_CMD_CAP_DUMP) != 0;
  EXPECT_TRUE(has_getfamily);
}

TEST_F(GenlFamilies, a_get_by_name_or_by_id_is_the_dumped_family) {
  const std::vector<Family> dumped = genl().dump<Family>().value();
  ASSERT_FALSE(dumped.empty());
  for (const Family& family : dumped) {
    SCOPED_TRACE(family.name);
    Result<Family> by_name = genl().get(Family{.name = family.name});
    ASSERT_TRUE(by_name) << by_name.error().describe();
    EXPECT_EQ(*by_name, family);
    Result<Family> by_id = genl().get(Family{.id = family.id});
    ASSERT_TRUE(by_id) << by_id.error().describe();
    EXPECT_EQ(*by_id, family);
  }
}

TEST_F(GenlFamilies, a_family_id_is_the_one_the_kernel_lists) {
  const std::map<std::string, ListedFamily> listed = genl_ctrl_list(ns_name());
  ASSERT_EQ(listed.count("TASKSTATS"), 1u);
  Result<uint16_t> id = genl().binding().family_id(genl().engine(), "TASKSTATS");
  ASSERT_TRUE(id) << id.error().describe();
  EXPECT_EQ(*id, listed.at("TASKSTATS").id);
  Result<uint16_t> again = genl().binding().family_id(genl().engine(), "TASKSTATS");
  ASSERT_TRUE(again);
  EXPECT_EQ(*again, *id);
}

TEST_F(GenlFamilies, a_family_the_kernel_lacks_is_enoent_naming_it) {
  Result<uint16_t> id = genl().binding().family_id(genl().engine(), "no-such-family");
  ASSERT_FALSE(id);
  EXPECT_EQ(id.error().code(), std::error_code(ENOENT, std::system_category()));
  EXPECT_NE(id.error().describe().find("'no-such-family'"), std::string::npos) << id.error().describe();
  Result<Family> family = genl().get(Family{.name = "no-such-family"});
  ASSERT_FALSE(family);
  EXPECT_EQ(family.error().code(), std::error_code(ENOENT, std::system_category()));
  EXPECT_NE(family.error().describe().find("nlctrl getfamily"), std::string::npos) << family.error().describe();
}

TEST_F(GenlFamilies, bad_queries_are_refused_before_anything_is_sent) {
  Result<Family> nameless = genl().get(Family{});
  ASSERT_FALSE(nameless);
  EXPECT_EQ(nameless.error().code(), errc::invalid_argument);
  Result<Family> long_name = genl().get(Family{.name = std::string(GENL_NAMSIZ, 'x')});
  ASSERT_FALSE(long_name);
  EXPECT_EQ(long_name.error().code(), errc::invalid_argument);
  Result<io::Ack> added = genl().add(Family{.name = "mine"});
  ASSERT_FALSE(added);
  EXPECT_EQ(added.error().code(), errc::invalid_argument);
}

}  // namespace
}  // namespace nlpp::genl
