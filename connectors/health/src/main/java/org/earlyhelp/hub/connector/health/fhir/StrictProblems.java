package org.earlyhelp.hub.connector.health.fhir;

import ca.uhn.fhir.parser.StrictErrorHandler;
import ca.uhn.fhir.parser.json.BaseJsonLikeValue.ScalarType;
import ca.uhn.fhir.parser.json.BaseJsonLikeValue.ValueType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * HAPI's strict error handler, which stops the parse at the first structural fault, recording that fault first in the
 * hub's words: the element's path (as near as HAPI tells it: the parent element and the element) and what is wrong,
 * never the value. HAPI's own message (which quotes the value) is thrown away with its exception.
 */
final class StrictProblems extends StrictErrorHandler {

    /** An element name as FHIR spells them; anything else in a JSON key is not repeated. */
    private static final Pattern NAME = Pattern.compile("_?[A-Za-z][A-Za-z0-9]{0,63}(\\[x])?");

    private final String resourceType;
    private final List<FhirProblem> problems = new ArrayList<>();

    StrictProblems(String resourceType) {
        this.resourceType = resourceType;
    }

    List<FhirProblem> problems() {
        return List.copyOf(problems);
    }

    private void add(String code, IParseLocation at, String element, String diagnostics) {
        problems.add(new FhirProblem(code, path(at, element), diagnostics));
    }

    private String path(IParseLocation at, String element) {
        StringBuilder path = new StringBuilder(resourceType);
        String parent = at == null ? null : at.getParentElementName();
        if (parent != null && NAME.matcher(parent).matches() && !parent.equals(resourceType)) {
            path.append('.').append(parent);
        }
        if (element != null) {
            path.append('.').append(NAME.matcher(element).matches() ? element : "(an element)");
        }
        return path.toString();
    }

    @Override
    public void unknownElement(IParseLocation at, String element) {
        add("structure", at, element, "is not an element of this R4 resource or datatype");
        super.unknownElement(at, element);
    }

    @Override
    public void unknownAttribute(IParseLocation at, String attribute) {
        add("structure", at, attribute, "is not a known attribute");
        super.unknownAttribute(at, attribute);
    }

    @Override
    public void incorrectJsonType(
            IParseLocation at,
            String element,
            ValueType expected,
            ScalarType expectedScalar,
            ValueType found,
            ScalarType foundScalar) {
        add(
                "structure",
                at,
                element,
                "has the wrong JSON type: expected " + kind(expected, expectedScalar) + ", found "
                        + kind(found, foundScalar));
        super.incorrectJsonType(at, element, expected, expectedScalar, found, foundScalar);
    }

    @Override
    public void invalidValue(IParseLocation at, String value, String error) {
        add("value", at, null, "has a value that is not valid for its datatype");
        super.invalidValue(at, value, error);
    }

    @Override
    public void missingRequiredElement(IParseLocation at, String element) {
        add("required", at, element, "is required");
        super.missingRequiredElement(at, element);
    }

    @Override
    public void unexpectedRepeatingElement(IParseLocation at, String element) {
        add("structure", at, element, "repeats, but may occur only once");
        super.unexpectedRepeatingElement(at, element);
    }

    @Override
    public void containedResourceWithNoId(IParseLocation at) {
        add("structure", at, null, "holds a contained resource without an id");
        super.containedResourceWithNoId(at);
    }

    @Override
    public void unknownReference(IParseLocation at, String reference) {
        add("invariant", at, null, "refers to a contained resource that is not there");
        super.unknownReference(at, reference);
    }

    @Override
    public void invalidInternalReference(IParseLocation at, String reference) {
        add("invariant", at, null, "has an internal reference that is not valid");
        super.invalidInternalReference(at, reference);
    }

    @Override
    public void extensionContainsValueAndNestedExtensions(IParseLocation at) {
        add("invariant", at, null, "has an extension with both a value and nested extensions");
        super.extensionContainsValueAndNestedExtensions(at);
    }

    private static String kind(ValueType type, ScalarType scalar) {
        if (type == null) {
            return "nothing";
        }
        String name = type.name().toLowerCase(Locale.ROOT);
        return scalar == null ? name : scalar.name().toLowerCase(Locale.ROOT) + " " + name;
    }
}
