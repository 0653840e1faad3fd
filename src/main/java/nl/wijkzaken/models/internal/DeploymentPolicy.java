package nl.wijkzaken.models.internal;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import org.camunda.bpm.impl.juel.AstBracket;
import org.camunda.bpm.impl.juel.AstDot;
import org.camunda.bpm.impl.juel.AstFunction;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.AstProperty;
import org.camunda.bpm.impl.juel.AstString;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Node;
import org.camunda.bpm.impl.juel.TreeBuilderException;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;

/**
 * What a process owner (or anyone else: the start-up deployment too) may deploy. Every expression in a model runs
 * with the engine's full rights, so a model is refused when it contains
 * <ul>
 * <li>a file other than BPMN, DMN or a form;</li>
 * <li>a script (script task, script listener, input/output script, script condition) or a connector;</li>
 * <li>a Java class ({@code camunda:class} and the other {@code ...Class} attributes);</li>
 * <li>an expression that calls a method other than an allow-listed bean method, reads a property of a bean or of
 * {@code execution}/{@code task}, names a bean that is not on the allow-list, or calls a function other than the
 * engine's {@code now()}, {@code dateTime()}, {@code currentUser()}, {@code currentUserGroups()} (reading a
 * variable and one property of it, {@code ${adviceAssignment.candidateGroup}}, stays allowed);</li>
 * <li>a process whose key is not on the list of our processes;</li>
 * <li>a process-level start event with a timer, message, signal or condition that is not listed as meant;</li>
 * <li>a DMN expression language other than FEEL (JUEL could call beans, a script language anything).</li>
 * </ul>
 * Pure: it reads bytes and answers Dutch objections, one per problem, each naming the file and the element.
 */
final class DeploymentPolicy {

    /** Objects the engine itself puts in every expression's reach. */
    static final Set<String> ENGINE_OBJECTS = Set.of("execution", "task", "caseExecution", "externalTask");

    /** The engine's own functions (ProcessEngineConfigurationImpl#initExpressionManager); they return plain values. */
    static final Set<String> FUNCTIONS = Set.of("now", "dateTime", "currentUser", "currentUserGroups");

    /** The engine's services and configuration: never resolvable, refused by name even without a Spring context. */
    static final Set<String> ENGINE_BEANS = Set.of("processEngine", "processEngineConfiguration",
            "identityService", "runtimeService", "repositoryService", "taskService", "managementService",
            "authorizationService", "historyService", "formService", "filterService", "externalTaskService",
            "caseService", "decisionService");

    private static final Set<String> EXTENSION_NAMESPACES = Set.of(
            "http://camunda.org/schema/1.0/bpmn", "http://activiti.org/bpmn");
    private static final Set<String> START_TRIGGERS = Set.of("timerEventDefinition", "messageEventDefinition",
            "signalEventDefinition", "conditionalEventDefinition");
    /** Text the engine never evaluates. */
    private static final Set<String> PROSE = Set.of("documentation", "text", "description");

    private final Set<String> processKeys;
    private final Set<String> eventStartEvents;
    private final Map<String, ? extends java.util.Collection<String>> beanMethods;
    private final Predicate<String> otherBean;

    /**
     * @param otherBean whether a name is a bean that is not on the allow-list (e.g. any other Spring bean)
     */
    DeploymentPolicy(ModelPolicyProperties properties, Predicate<String> otherBean) {
        this.processKeys = Set.copyOf(properties.allowedProcessKeys());
        this.eventStartEvents = Set.copyOf(properties.eventStartEvents());
        this.beanMethods = properties.expressionBeans();
        this.otherBean = name -> !beanMethods.containsKey(name) && (ENGINE_BEANS.contains(name) || otherBean.test(name));
    }

    /** Dutch objections against one file of a deployment; empty when it may be deployed. */
    List<String> objections(String resourceName, byte[] content) {
        String name = resourceName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".form")) {
            return List.of();
        }
        boolean bpmn = name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml");
        boolean dmn = name.endsWith(".dmn") || name.endsWith(".dmn11.xml");
        if (!bpmn && !dmn) {
            return List.of(resourceName + ": alleen BPMN-, DMN- en formulierbestanden (.bpmn, .dmn, .form) kunnen worden gedeployd");
        }
        Document document;
        try {
            document = parser().parse(new ByteArrayInputStream(content));
        } catch (Exception e) {
            return List.of(resourceName + ": het bestand is geen leesbare XML (een DOCTYPE is niet toegestaan)");
        }
        Set<String> objections = new LinkedHashSet<>();
        walk(resourceName, document.getDocumentElement(), bpmn, objections);
        return new ArrayList<>(objections);
    }

    private void walk(String file, Element element, boolean bpmn, Set<String> objections) {
        String local = localName(element);
        String where = file + ", " + describe(element);
        if (bpmn) {
            if (local.equals("scriptTask") || (local.equals("script")
                    && !(element.getParentNode() instanceof Element parent && localName(parent).equals("scriptTask")))) {
                objections.add(where + ": bevat een script; scripts zijn in modellen niet toegestaan");
            }
            if (local.equals("connector") && isExtension(element.getNamespaceURI())) {
                objections.add(where + ": gebruikt een connector; die is in modellen niet toegestaan");
            }
            if (local.equals("process") && !"false".equals(element.getAttribute("isExecutable"))
                    && !processKeys.contains(element.getAttribute("id"))) {
                objections.add(where + ": dit is geen proces van Wijkzaken; een procesbeheerder past alleen de "
                        + "bestaande processen aan (" + String.join(", ", processKeys.stream().sorted().toList()) + ")");
            }
            if (local.equals("startEvent") && element.getParentNode() instanceof Element parent
                    && localName(parent).equals("process")) {
                checkStartEvent(where, parent.getAttribute("id"), element, objections);
            }
        }
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            String attributeName = attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
            if (bpmn) {
                checkBpmnAttribute(where, attribute, attributeName, objections);
            } else if (attributeName.equals("expressionLanguage") && !isFeel(attribute.getValue())) {
                objections.add(where + ": gebruikt de expressietaal '" + attribute.getValue()
                        + "'; in beslistabellen is alleen FEEL toegestaan");
            }
        }
        if (bpmn && !PROSE.contains(local)) {
            String text = ownText(element);
            if (isExpression(text)) {
                checkExpression(where, text.strip(), objections);
            }
        }
        for (org.w3c.dom.Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element childElement && !"BPMNDiagram".equals(localName(childElement))) {
                walk(file, childElement, bpmn, objections);
            }
        }
    }

    private void checkBpmnAttribute(String where, Attr attribute, String name, Set<String> objections) {
        // Attributes of camunda: elements are unqualified: <camunda:taskListener class="..."/>.
        boolean extension = isExtension(attribute.getNamespaceURI())
                || (attribute.getNamespaceURI() == null && isExtension(attribute.getOwnerElement().getNamespaceURI()));
        if (name.equals("class") || name.endsWith("Class")) {
            objections.add(where + ": verwijst naar de Java-klasse '" + attribute.getValue()
                    + "'; gebruik een toegestane bean via een expressie");
        } else if (name.equals("scriptFormat") || name.equals("language") || (extension && name.equals("resource"))) {
            objections.add(where + ": bevat een script; scripts zijn in modellen niet toegestaan");
        } else if (isExpression(attribute.getValue())) {
            checkExpression(where, attribute.getValue(), objections);
        }
    }

    private void checkStartEvent(String where, String processKey, Element startEvent, Set<String> objections) {
        for (org.w3c.dom.Node child = startEvent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element definition && START_TRIGGERS.contains(localName(definition))
                    && !eventStartEvents.contains(processKey + ":" + startEvent.getAttribute("id"))) {
                String trigger = switch (localName(definition)) {
                    case "timerEventDefinition" -> "op een tijdstip (timer)";
                    case "messageEventDefinition" -> "op een bericht";
                    case "signalEventDefinition" -> "op een signaal";
                    default -> "op een voorwaarde";
                };
                objections.add(where + ": deze startgebeurtenis start het proces vanzelf " + trigger
                        + "; een zaak start alleen door een verzoek");
            }
        }
    }

    /** Objections against one expression text (attribute value or element text), as the engine would parse it. */
    void checkExpression(String where, String text, Set<String> objections) {
        Node root;
        try {
            root = new Builder(Builder.Feature.METHOD_INVOCATIONS, Builder.Feature.VARARGS).build(text).getRoot();
        } catch (TreeBuilderException e) {
            objections.add(where + ": de expressie '" + text + "' kan niet worden gelezen");
            return;
        }
        List<String> problems = new ArrayList<>();
        check(root, problems);
        for (String problem : problems) {
            objections.add(where + ": de expressie '" + text + "' " + problem);
        }
    }

    private void check(Node node, List<String> problems) {
        if (node instanceof AstMethod) {
            AstProperty target = (AstProperty) node.getChild(0);
            String method = memberName(target);
            if (target.getChild(0) instanceof AstIdentifier base && method != null && allowed(base.getName(), method)) {
                check(node.getChild(1), problems);
            } else {
                problems.add("roept " + describe(target, method) + " aan; alleen de toegestane methoden van "
                        + "toegestane beans mogen worden aangeroepen");
            }
            return;
        }
        if (node instanceof AstProperty property) {
            String member = memberName(property);
            if (property.getChild(0) instanceof AstIdentifier base && member != null && !member.equals("class")
                    && !isObject(base.getName())) {
                return; // one property of a variable, e.g. a DMN result: ${adviceAssignment.candidateGroup}
            }
            problems.add("leest " + describe(property, member) + "; alleen een eigenschap van een procesvariabele "
                    + "mag worden gelezen");
            return;
        }
        if (node instanceof AstIdentifier identifier) {
            if (otherBean.test(identifier.getName())) {
                problems.add("gebruikt '" + identifier.getName() + "'; dat is geen bean die modellen mogen gebruiken");
            }
            return;
        }
        if (node instanceof AstFunction function && !FUNCTIONS.contains(function.getName())) {
            problems.add("roept de functie '" + function.getName() + "' aan; alleen "
                    + String.join(", ", FUNCTIONS.stream().sorted().map(f -> f + "()").toList()) + " zijn toegestaan");
            return;
        }
        for (int i = 0; i < node.getCardinality(); i++) {
            check(node.getChild(i), problems);
        }
    }

    private boolean allowed(String object, String method) {
        java.util.Collection<String> methods = beanMethods.get(object);
        return methods != null && methods.contains(method);
    }

    /** A bean or engine object, as opposed to a process variable. */
    private boolean isObject(String name) {
        return beanMethods.containsKey(name) || ENGINE_OBJECTS.contains(name) || otherBean.test(name);
    }

    private static String describe(AstProperty target, String member) {
        String base = target.getChild(0) instanceof AstIdentifier identifier ? "'" + identifier.getName() + "'"
                : "het resultaat van een andere aanroep";
        return member == null ? "een berekende naam op " + base : "'" + member + "' op " + base;
    }

    /** The name after the dot, or the literal in brackets; null when it is computed. */
    private static String memberName(AstProperty property) {
        if (property instanceof AstDot) {
            return property.toString().substring(2); // AstDot prints ". name"
        }
        if (property instanceof AstBracket && property.getChild(1) instanceof AstString literal) {
            return String.valueOf(literal.eval(null, null));
        }
        return null;
    }

    private static boolean isExpression(String value) {
        return value != null && (value.contains("${") || value.contains("#{"));
    }

    private static boolean isFeel(String language) {
        String lower = language.strip().toLowerCase(Locale.ROOT);
        return lower.equals("feel") || lower.matches("https?://www\\.omg\\.org/spec/(dmn/\\d+/)?feel(/\\d+)?/?");
    }

    private static boolean isExtension(String namespace) {
        return namespace != null && EXTENSION_NAMESPACES.contains(namespace);
    }

    private static String localName(Element element) {
        return element.getLocalName() == null ? element.getTagName() : element.getLocalName();
    }

    /** "element 'Task_1' (serviceTask)"; an element without an id is named with the nearest one that has one. */
    private static String describe(Element element) {
        for (org.w3c.dom.Node n = element; n instanceof Element e; n = e.getParentNode()) {
            String id = e.getAttribute("id");
            if (!id.isEmpty()) {
                return e == element ? "element '" + id + "' (" + localName(element) + ")"
                        : "element '" + id + "' (" + localName(element) + " in " + localName(e) + ")";
            }
        }
        return "element " + localName(element);
    }

    private static String ownText(Element element) {
        StringBuilder text = new StringBuilder();
        for (org.w3c.dom.Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == org.w3c.dom.Node.TEXT_NODE || child.getNodeType() == org.w3c.dom.Node.CDATA_SECTION_NODE) {
                text.append(child.getNodeValue());
            }
        }
        return text.toString();
    }

    private static DocumentBuilder parser() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        DocumentBuilder builder = factory.newDocumentBuilder();
        builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler() {
            @Override
            public void warning(org.xml.sax.SAXParseException e) {
            }

            @Override
            public void error(org.xml.sax.SAXParseException e) throws org.xml.sax.SAXException {
                throw e;
            }
        });
        return builder;
    }
}
