#!/usr/bin/env python3
"""Derives Portcullis' QuickFIX XML dictionaries from the QuickFIX/J 3.0.0 standard ones.

Not part of the build: the committed XML under src/main/resources is the source of truth.
This script records how that XML was made, so a reviewer can re-run it and diff. Usage:

    unzip -o ~/.m2/repository/org/quickfixj/quickfixj-messages-all/3.0.0/quickfixj-messages-all-3.0.0.jar \
        FIX42.xml FIX44.xml FIX50SP2.xml FIXT11.xml -d /tmp/qfj-dicts
    python3 src/build/derive-dictionaries.py /tmp/qfj-dicts src/main/resources/io/portcullis/fix/dictionary

What it does, per application dictionary (FIX42, FIX44, FIX50SP2):
  1. keeps the header, the trailer and every admin (session) message unchanged;
  2. keeps only the application messages Portcullis supports (APP_MSG_TYPES);
  3. drops, from those messages, optional components and groups that a US cash-equities
     gateway does not take (DROPPED, never one marked required="Y");
  4. drops every component and field no longer referenced;
  5. corrects the type of two FIX 4.4 fields whose standard values do not fit it (TYPE_OVERRIDES);
  6. adds our custom fields (tags >= 5000) as optional fields of the messages in CUSTOM_FIELDS;
  7. FIX 4.2 only: adds Username(553) and Password(554), standard from FIX 4.3 on, as optional
     fields of Logon.
FIXT11 is copied whole: it is the session layer and is already small.
"""
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

APP_MSG_TYPES = {"D", "F", "G", "H", "q", "AF", "V", "8", "9", "r", "W", "X", "j", "Y"}

# Optional structures for fixed income, financing, multi-leg and derivatives.
DROPPED = {
    "FinancingDetails", "Stipulations", "SpreadOrBenchmarkCurveData", "YieldData",
    "UndInstrmtGrp", "UnderlyingInstrument", "NoUnderlyings",
    "InstrmtLegGrp", "InstrmtLegExecGrp", "NoLegs",
    # FIXML security definitions; also its field shares the component's name, which makes
    # the generator emit getSecurityXML() twice (QuickFIX/J renames the field in its own build).
    "SecurityXML",
}

# Field types corrected per version. FIX 4.4 declares these two CHAR yet lists two-digit
# values (532=99 OTHER, 139=10..12), which a CHAR cannot carry; FIX 5.0 made them INT and
# STRING, and the shared generated field classes follow FIX 5.0SP2.
TYPE_OVERRIDES = {
    "FIX44": {"MassCancelRejectReason": "INT", "MiscFeeType": "STRING"},
}

# (tag, name, type, enum values, message types it is added to)
CUSTOM_FIELDS = [
    (5700, "LocateID", "STRING", None, ["D", "G", "8"]),
    (5701, "LocateBroker", "STRING", None, ["D", "G", "8"]),
    (5702, "FirmDesignatedID", "STRING", None, ["D", "G", "8"]),
    (5703, "CustomerDisplayInstruction", "BOOLEAN",
     [("Y", "YES"), ("N", "NO")], ["D", "G", "8"]),
]

NOTICE = """
  Portcullis FIX dictionary {name}: derived from the QuickFIX project's {name}.xml as shipped
  in QuickFIX/J 3.0.0 (Copyright (c) quickfixengine.org, QuickFIX Software License; see the
  NOTICE file of the portcullis-fix-dictionaries module). Trimmed to the messages Portcullis
  supports and extended with Portcullis custom fields (tags >= 5000): see README.md there.
  Derived by src/build/derive-dictionaries.py; edit with care and keep README.md in step.
"""


def referenced_names(element, components, seen_components, fields):
    for child in element:
        if child.tag in ("field", "group"):
            fields.add(child.get("name"))
        if child.tag == "component":
            name = child.get("name")
            if name not in seen_components:
                seen_components.add(name)
                referenced_names(components[name], components, seen_components, fields)
        if child.tag == "group":
            referenced_names(child, components, seen_components, fields)


def drop_optional(element, where):
    for child in list(element):
        if child.tag in ("component", "group") and child.get("name") in DROPPED:
            if child.get("required") == "Y":
                raise SystemExit(f"{where}: refusing to drop required {child.get('name')}")
            element.remove(child)
        elif child.tag == "group":
            drop_optional(child, where)


def derive_app(source, name):
    root = ET.parse(source).getroot()
    messages = root.find("messages")
    for message in list(messages):
        if message.get("msgcat") != "admin" and message.get("msgtype") not in APP_MSG_TYPES:
            messages.remove(message)
    components_el = root.find("components")
    components = {c.get("name"): c for c in components_el} if components_el is not None else {}
    for message in messages:
        drop_optional(message, f"{name} {message.get('name')}")

    def reachable():
        seen, names = set(), set()
        for section in ("header", "trailer"):
            referenced_names(root.find(section), components, seen, names)
        for message in messages:
            referenced_names(message, components, seen, names)
        return seen, names

    # Only components still in use are trimmed: an unused one may hold a required leg group.
    for component_name in reachable()[0]:
        drop_optional(components[component_name], f"{name} component {component_name}")
    seen_components, field_names = reachable()
    if components_el is not None:
        for component in list(components_el):
            if component.get("name") not in seen_components:
                components_el.remove(component)
    fields_el = root.find("fields")
    for field in list(fields_el):
        if field.get("name") not in field_names:
            fields_el.remove(field)

    for field in fields_el:
        override = TYPE_OVERRIDES.get(name, {}).get(field.get("name"))
        if override:
            field.set("type", override)

    by_type = {m.get("msgtype"): m for m in messages}
    for tag, field_name, field_type, values, msg_types in CUSTOM_FIELDS:
        field = ET.SubElement(fields_el, "field", number=str(tag), name=field_name, type=field_type)
        for enum, description in values or []:
            ET.SubElement(field, "value", enum=enum, description=description)
        for msg_type in msg_types:
            ET.SubElement(by_type[msg_type], "field", name=field_name, required="N")

    if name == "FIX50SP2":
        # QuickFIX/J's file omits it; with it DataDictionary.getFullVersion() says FIX.5.0SP2.
        root.set("servicepack", "2")

    if name == "FIX42":
        logon = by_type["A"]
        for tag, field_name in ((553, "Username"), (554, "Password")):
            if fields_el.find(f"field[@name='{field_name}']") is None:
                ET.SubElement(fields_el, "field", number=str(tag), name=field_name, type="STRING")
                ET.SubElement(logon, "field", name=field_name, required="N")
    return root


def write(root, name, target):
    ET.indent(root, space="  ")
    body = ET.tostring(root, encoding="unicode")
    text = ('<?xml version="1.0" encoding="UTF-8"?>\n<!--' + NOTICE.format(name=name) + '-->\n'
            + body + "\n")
    (target / f"{name}.xml").write_text(text, encoding="utf-8")


def main():
    source, target = Path(sys.argv[1]), Path(sys.argv[2])
    target.mkdir(parents=True, exist_ok=True)
    for name in ("FIX42", "FIX44", "FIX50SP2"):
        write(derive_app(source / f"{name}.xml", name), name, target)
    write(ET.parse(source / "FIXT11.xml").getroot(), "FIXT11", target)


if __name__ == "__main__":
    main()
