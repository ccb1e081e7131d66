#!/usr/bin/env python3
"""Generates nlpp's schema descriptor tables from the kernel's YNL specs.

    ynl_gen.py SPEC_DIR OUT_DIR [--header FILE]

Reads every family spec in SPEC_DIR; a spec in SPEC_DIR/newer/ replaces the
one with the same family name (upstream renamed rt_link.yaml to rt-link.yaml).
Writes OUT_DIR/<family>.cpp per family, removes other .cpp files from OUT_DIR
(it owns that folder) and writes the header declaring the families.

Ids follow the kernel's tools/net/ynl/lib/nlspec.py, the reference for what a
spec means: attributes count from 1 and an explicit `value` restarts the
count; subsets take their parent's attributes; enum entries count from
`value-start`, flags are 1 << entry; operations follow the family's
enum-model. Only tables reachable from a message are written, so every
table in the output is used.
"""

import argparse
import pathlib
import sys

import yaml

GENERATOR = "tools/ynl_gen.py"

NETLINK_PROTOCOLS = {0: "NETLINK_ROUTE", 12: "NETLINK_NETFILTER", 16: "NETLINK_GENERIC"}
NETLINK_NETFILTER = 12
NETLINK_GENERIC = 16

GENETLINK_PROTOCOLS = {"genetlink", "genetlink-c", "genetlink-legacy"}

# YNL attribute and struct member types, which schema::Type spells with '_'.
TYPES = {"unused", "pad", "flag", "u8", "u16", "u32", "u64", "s8", "s16", "s32", "s64", "uint", "sint",
         "string", "binary", "nest", "indexed-array", "nest-type-value", "sub-message", "bitfield32"}
SCALAR_SIZES = {"u8": 1, "s8": 1, "u16": 2, "s16": 2, "u32": 4, "s32": 4, "u64": 8, "s64": 8}
DISPLAY_HINTS = {"hex": "hex", "mac": "mac", "ipv4": "ipv4", "ipv6": "ipv6", "ipv4-or-v6": "ip", "uuid": "uuid"}

# Structs the kernel declares __packed: YNL cannot say so, and every other
# struct in the specs has the natural C layout the kernel compiles.
PACKED_STRUCTS = {("nl80211", "ieee80211-ht-cap")}


class Unsupported(Exception):
    """Something in a spec that the schema tables cannot represent."""


def identifier(name):
    return name.replace("-", "_")


def cpp_type(ynl_type):
    if ynl_type not in TYPES:
        raise Unsupported(f"attribute type '{ynl_type}'")
    return identifier(ynl_type)


def quoted(text):
    if any(c in text for c in '"\\\n'):
        raise Unsupported(f"name {text!r}")
    return f'"{text}"'


# --- reading a spec --------------------------------------------------------------------------------------------

class Spec:
    """One YNL family with its ids resolved the way nlspec.py resolves them."""

    def __init__(self, path, doc):
        self.path = path
        self.name = doc["name"]
        self.ident = identifier(self.name)
        protocol = doc.get("protocol", "genetlink")
        if protocol == "netlink-raw":
            if "protonum" not in doc:
                raise Unsupported("netlink-raw without protonum")
            self.protocol = doc["protonum"]
            self.kind = "nfnetlink" if self.protocol == NETLINK_NETFILTER else "netlink_raw"
        elif protocol in GENETLINK_PROTOCOLS:
            self.protocol, self.kind = NETLINK_GENERIC, "genetlink"
        else:
            raise Unsupported(f"protocol '{protocol}'")
        definitions = doc.get("definitions", [])
        self.enums = {d["name"]: d for d in definitions if d["type"] in ("enum", "flags")}
        self.structs = {d["name"]: d for d in definitions if d["type"] == "struct"}
        self.sets = {}
        for attr_set in doc["attribute-sets"]:
            self.sets[attr_set["name"]] = self._attributes(attr_set)
        self.sub_messages = {m["name"]: m["formats"] for m in doc.get("sub-messages", [])}
        self.requests, self.replies = self._messages(doc["operations"])

    def _attributes(self, attr_set):
        """The set's attributes (YAML plus 'value'), sorted by id.

        Attributes are keyed by name, as in nlspec.py: a name listed twice
        (devlink's dl-dpipe-table) is one attribute.
        """
        attributes = {}
        if "subset-of" in attr_set:
            parent = {a["name"]: a for a in self.sets[attr_set["subset-of"]]}
            for attribute in attr_set["attributes"]:
                attributes[attribute["name"]] = parent[attribute["name"]] | attribute
        else:
            value = 1
            for attribute in attr_set["attributes"]:
                value = attribute.get("value", value)
                attributes[attribute["name"]] = attribute | {"value": value}
                value += 1
        attributes = list(attributes.values())
        ids = [a["value"] for a in attributes]
        if len(set(ids)) != len(ids) or max(ids, default=0) > 0xFFFF:
            raise Unsupported(f"attribute ids of set '{attr_set['name']}'")
        return sorted(attributes, key=lambda a: a["value"])

    def enum_entries(self, name, as_flags):
        """(value, name) of an enum's entries; flags, and enums used as flags, are masks."""
        definition = self.enums[name]
        as_flags = as_flags or definition["type"] == "flags"
        entries, value = [], definition.get("value-start", 0)
        for entry in definition["entries"]:
            entry = {"name": entry} if isinstance(entry, str) else entry
            value = entry.get("value", value)
            entries.append((1 << value if as_flags else value, entry["name"]))
            value += 1
        return entries

    def _messages(self, operations):
        """Request and reply message types: {type: (op name, fixed header, attribute set)}.

        As in nlspec.py's req_by_value/rsp_by_value, a later operation with the
        same type replaces an earlier one (RTM_NEWLINK answers getlink and is
        also the newlink notification: both describe the same message).
        """
        values = operation_values(operations["list"], operations.get("enum-model", "unified"))
        by_name = {op["name"]: op for op in operations["list"]}
        requests, replies = {}, {}
        for op, request, reply in values:
            calls = [op[mode] for mode in ("do", "dump") if mode in op]
            is_async = "notify" in op or "event" in op
            attribute_set = op.get("attribute-set") or by_name.get(op.get("notify"), {}).get("attribute-set")
            message = (op["name"], op.get("fixed-header", operations.get("fixed-header")), attribute_set)
            if calls and request is not None:
                add_message(requests, request, message)
            if reply is not None and (is_async or any("reply" in call for call in calls)):
                add_message(replies, reply, message)
        if max([*requests, *replies], default=0) > 0xFFFF:
            raise Unsupported("message types above 0xffff")
        # Where requests and replies number from one space (netlink-raw
        # families' RTM_* and NFT_MSG_*, unified generic netlink commands), a
        # reply type that is also a request type is that request's message,
        # whichever operation it answers: RTM_NEWLINK is "newlink", in the
        # getlink reply and the notification alike. Directional generic
        # netlink (ethtool) numbers replies apart: 3 is LINKINFO_GET_REPLY there.
        if self.kind != "genetlink" or operations.get("enum-model", "unified") == "unified":
            for value, (_, fixed_header, attribute_set) in replies.items():
                if value in requests:
                    replies[value] = (requests[value][0], fixed_header, attribute_set)
        return dict(sorted(requests.items())), dict(sorted(replies.items()))


def add_message(messages, value, message):
    if messages.get(value, message)[1:] != message[1:]:
        raise Unsupported(f"message type {value} with two layouts ('{messages[value][0]}', '{message[0]}')")
    messages[value] = message


def operation_values(ops, enum_model):
    """(op, request type, reply type) per operation, None where it has none (nlspec.py's rules)."""
    if enum_model == "unified":
        value = 1
        for op in ops:
            value = op.get("value", value)
            yield op, value, value
            value += 1
        return
    if enum_model != "directional":
        raise Unsupported(f"enum-model '{enum_model}'")
    request = reply = 1
    for op in ops:
        if "notify" in op or "event" in op:
            reply = op.get("value", reply)
            yield op, None, reply
            reply += 1
            continue
        mode = op["do"] if "do" in op else op.get("dump")
        if mode is None:
            raise Unsupported(f"operation '{op['name']}' with neither do, dump, notify nor event")
        request = mode.get("request", {}).get("value") or request
        reply = mode.get("reply", {}).get("value") or reply
        has_reply = "reply" in mode
        yield op, request, reply if has_reply else None
        request += 1
        reply += has_reply


def load_specs(spec_dir):
    """The newest spec of each family, by family name: {name: (relative path, yaml)}."""
    specs = {}
    for path in sorted(spec_dir.glob("*.yaml")) + sorted(spec_dir.glob("newer/*.yaml")):
        doc = yaml.safe_load(path.read_text())
        relative = path.relative_to(spec_dir).as_posix()
        if "attribute-sets" not in doc:
            note(f"{relative}: skipped, not a family spec (a YNL schema)")
            continue
        if doc["name"] in specs:
            note(f"{specs[doc['name']][0]}: replaced by {relative}")
        specs[doc["name"]] = (relative, doc)
    return specs


# --- writing C++ -----------------------------------------------------------------------------------------------

def fields(**values):
    """A designated initializer of the fields that are set, in declaration order."""
    return "{" + ", ".join(f".{key} = {value}" for key, value in values.items() if value is not None) + "}"


def table(kind, name, entries):
    """A constinit array of `kind`, or nothing when it would be empty (a zero-size array is ill-formed)."""
    if not entries:
        return []
    return [f"constinit const {kind} {name}[]{{", *(f"    {entry}," for entry in entries), "};"]


def span(name, entries):
    return name if entries else "{}"


def first_visit(name, reached, known, kind):
    """Whether a table named by a spec is met for the first time; a name the spec does not define is an error."""
    if name is None or name in reached:
        return False
    if name not in known:
        raise Unsupported(f"unknown {kind} '{name}'")
    return True


class FamilyWriter:
    """Writes one family's .cpp: the tables reachable from its messages."""

    def __init__(self, spec):
        self.spec = spec
        self.sets, self.sub_messages, self.structs, self.enums = {}, {}, {}, {}
        self.layouts = {}
        for message in [*spec.requests.values(), *spec.replies.values()]:
            self._reach_struct(message[1])
            self._reach_set(message[2])

    # Reachability, in the order tables are first met (the output stays in spec order where it can).

    def _reach_set(self, name):
        if not first_visit(name, self.sets, self.spec.sets, "attribute set"):
            return
        self.sets[name] = self.spec.sets[name]
        for attribute in self.spec.sets[name]:
            self._reach_set(attribute.get("nested-attributes"))
            self._reach_struct(attribute.get("struct"))
            self._reach_enum(attribute)
            self._reach_sub_message(attribute.get("sub-message"))

    def _reach_sub_message(self, name):
        if not first_visit(name, self.sub_messages, self.spec.sub_messages, "sub-message"):
            return
        self.sub_messages[name] = self.spec.sub_messages[name]
        for format_ in self.sub_messages[name]:
            self._reach_set(format_.get("attribute-set"))
            self._reach_struct(format_.get("fixed-header"))

    def _reach_struct(self, name):
        if not first_visit(name, self.structs, self.spec.structs, "struct"):
            return
        members = self.spec.structs[name].get("members", [])
        for member in members:
            self._reach_struct(member.get("struct"))  # nested structs first: they are defined, not declared
            self._reach_enum(member)
        self.structs[name] = members

    def _reach_enum(self, user):
        # Enum tables are keyed by (name, used as flags): only the name is checked here.
        if first_visit(user.get("enum"), (), self.spec.enums, "enum"):
            key = self.enum_key(user)
            self.enums[key] = self.spec.enum_entries(*key)

    def enum_key(self, user):
        """An enum used as flags gets its own table of masks."""
        flags = user.get("enum-as-flags", False) and self.spec.enums[user["enum"]]["type"] == "enum"
        return user["enum"], flags

    def enum_ref(self, user):
        return f"&{enum_ident(*self.enum_key(user))}" if "enum" in user else None

    # Struct layout: natural C alignment, as the kernel compiles its UAPI structs.

    def layout(self, name):
        """(size, alignment, [(member, offset, length)])."""
        if name not in self.layouts:
            packed = (self.spec.name, name) in PACKED_STRUCTS
            offset, alignment, members = 0, 1, []
            for member in self.spec.structs[name].get("members", []):
                length, member_alignment = self._member_size(member)
                member_alignment = 1 if packed else member_alignment
                offset += -offset % member_alignment
                members.append((member, offset, length))
                offset += length
                alignment = max(alignment, member_alignment)
            self.layouts[name] = (offset + -offset % alignment, alignment, members)
        return self.layouts[name]

    def _member_size(self, member):
        kind = member["type"]
        if kind in SCALAR_SIZES:
            return SCALAR_SIZES[kind], SCALAR_SIZES[kind]
        if "struct" in member:
            size, alignment, _ = self.layout(member["struct"])
            return size, alignment
        if kind in ("binary", "pad", "string") and isinstance(member.get("len"), int):
            return member["len"], 1
        raise Unsupported(f"struct member '{member['name']}' of type '{kind}' without a numeric len")

    # Tables.

    def write(self):
        spec = self.spec
        lines = [
            f"// Generated by {GENERATOR} from {spec.path} (YNL family \"{spec.name}\").",
            "// Do not edit: change the generator and run it again.",
            "#include <nlpp/schema/generated/families.hpp>",
            "",
            "namespace nlpp::schema::family {",
            "namespace {",
            "",
            "using enum Type;",
            "",
        ]
        for (name, as_flags), entries in self.enums.items():
            lines += self._enum(name, as_flags, entries)
        for name in self.structs:
            lines += self._struct(name)
        # Sets and sub-messages refer to each other (and to themselves): declare them all first.
        lines += [f"extern const AttributeSet set_{identifier(name)};" for name in self.sets]
        lines += [f"extern const SubMessage sub_message_{identifier(name)};" for name in self.sub_messages]
        lines.append("")
        for name, formats in self.sub_messages.items():
            lines += self._sub_message(name, formats)
        for name, attributes in self.sets.items():
            lines += self._set(name, attributes)
        lines += self._messages("requests", spec.requests)
        lines += self._messages("replies", spec.replies)
        lines += [
            "}  // namespace",
            "",
            f"constinit const Family {spec.ident}{{",
            f"    .name = {quoted(spec.name)},",
            f"    .kind = FamilyKind::{spec.kind},",
            f"    .protocol = {spec.protocol},{protocol_comment(spec.protocol)}",
            f"    .requests = {span('requests', spec.requests)},",
            f"    .replies = {span('replies', spec.replies)},",
            "};",
            "",
            "}  // namespace nlpp::schema::family",
        ]
        return "\n".join(lines) + "\n"

    def _enum(self, name, as_flags, entries):
        ident = enum_ident(name, as_flags)
        is_flags = as_flags or self.spec.enums[name]["type"] == "flags"
        rows = [f"{{{hex(value) if is_flags else value}, {quoted(entry)}}}" for value, entry in entries]
        return [*table("EnumEntry", f"{ident}_entries", rows),
                f"constinit const Enum {ident}{{{quoted(name)}, {str(is_flags).lower()}, "
                f"{span(ident + '_entries', rows)}}};", ""]

    def _struct(self, name):
        ident = f"struct_{identifier(name)}"
        size, _, members = self.layout(name)
        rows = [fields(name=quoted(member["name"]), type=cpp_type(member["type"]), offset=offset, length=length,
                       byte_order=byte_order(member), display=display(member), enumeration=self.enum_ref(member),
                       fixed_struct=struct_ref(member.get("struct")))
                for member, offset, length in members]
        return [*table("StructMember", f"{ident}_members", rows),
                f"constinit const Struct {ident}{{{quoted(name)}, {size}, {span(ident + '_members', rows)}}};", ""]

    def _sub_message(self, name, formats):
        ident = f"sub_message_{identifier(name)}"
        rows = [fields(value=quoted(f["value"]), attributes=set_ref(f.get("attribute-set")),
                       fixed_header=struct_ref(f.get("fixed-header"))) for f in formats]
        return [*table("SubMessageFormat", f"{ident}_formats", rows),
                f"constinit const SubMessage {ident}{{{quoted(name)}, {span(ident + '_formats', rows)}}};", ""]

    def _set(self, name, attributes):
        ident = f"set_{identifier(name)}"
        rows = [self._attribute(a) for a in attributes]
        return [*table("Attribute", f"{ident}_attributes", rows),
                f"constinit const AttributeSet {ident}{{{quoted(name)}, {span(ident + '_attributes', rows)}}};", ""]

    def _attribute(self, attribute):
        sub_message = attribute.get("sub-message")
        return fields(
            id=attribute["value"], name=quoted(attribute["name"]), type=cpp_type(attribute["type"]),
            byte_order=byte_order(attribute), display=display(attribute),
            nested=set_ref(attribute.get("nested-attributes")),
            element=cpp_type(attribute["sub-type"]) if "sub-type" in attribute else None,
            sub_message=f"&sub_message_{identifier(sub_message)}" if sub_message else None,
            selector=quoted(attribute["selector"]) if sub_message else None,
            fixed_struct=struct_ref(attribute.get("struct")), enumeration=self.enum_ref(attribute))

    def _messages(self, name, messages):
        rows = [fields(type=hex(value) if self.spec.kind == "nfnetlink" else value, name=quoted(op),
                       fixed_header=struct_ref(header), attributes=set_ref(attribute_set))
                for value, (op, header, attribute_set) in messages.items()]
        return [*table("MessageType", name, rows), ""] if rows else []


def protocol_comment(protocol):
    return f"  // {NETLINK_PROTOCOLS[protocol]}" if protocol in NETLINK_PROTOCOLS else ""


def enum_ident(name, as_flags):
    return f"enum_{identifier(name)}{'_as_flags' if as_flags else ''}"


def set_ref(name):
    return f"&set_{identifier(name)}" if name else None


def struct_ref(name):
    return f"&struct_{identifier(name)}" if name else None


def byte_order(item):
    return "ByteOrder::big_endian" if item.get("byte-order") == "big-endian" else None


def display(item):
    hint = item.get("display-hint")
    if hint is None:
        return None
    if hint not in DISPLAY_HINTS:
        raise Unsupported(f"display-hint '{hint}'")
    return f"Display::{DISPLAY_HINTS[hint]}"


def header(specs):
    lines = [
        f"// Generated by {GENERATOR} from the YNL specs named below (paths relative to the spec folder).",
        "// Do not edit: change the generator and run it again.",
        "//",
        "// The families described by the kernel's YNL specs, one table set each.",
        "#pragma once",
        "",
        "#include <nlpp/schema/schema.hpp>",
        "",
        "#include <array>",
        "",
        "namespace nlpp::schema::family {",
        "",
    ]
    lines += [f"extern const Family {spec.ident};  ///< {spec.path}" for spec in specs]
    lines += [
        "",
        "/// Every generated family, sorted by name.",
        f"inline constexpr std::array<const Family*, {len(specs)}> all_generated{{",
        *(f"    &{spec.ident}," for spec in specs),
        "};",
        "",
        "}  // namespace nlpp::schema::family",
    ]
    return "\n".join(lines) + "\n"


def note(text):
    print(f"ynl_gen: {text}", file=sys.stderr)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("spec_dir", type=pathlib.Path, help="the kernel's YNL spec folder")
    parser.add_argument("out_dir", type=pathlib.Path, help="where the .cpp files go (src/schema/generated)")
    repository = pathlib.Path(__file__).resolve().parent.parent
    parser.add_argument("--header", type=pathlib.Path,
                        default=repository / "include/nlpp/schema/generated/families.hpp",
                        help="the header declaring the families (default: the repository's)")
    args = parser.parse_args()
    if not args.spec_dir.is_dir():
        parser.error(f"no spec folder at {args.spec_dir}")

    sources, specs = {}, []
    for _, (path, doc) in sorted(load_specs(args.spec_dir).items()):
        try:
            spec = Spec(path, doc)
            sources[f"{spec.ident}.cpp"] = FamilyWriter(spec).write()
        except Unsupported as reason:
            note(f"{path}: skipped, cannot represent {reason}")
            continue
        specs.append(spec)

    args.out_dir.mkdir(parents=True, exist_ok=True)
    for stale in args.out_dir.glob("*.cpp"):
        if stale.name not in sources:
            stale.unlink()
    for file_name, text in sources.items():
        (args.out_dir / file_name).write_text(text)
    args.header.parent.mkdir(parents=True, exist_ok=True)
    args.header.write_text(header(specs))


if __name__ == "__main__":
    main()
