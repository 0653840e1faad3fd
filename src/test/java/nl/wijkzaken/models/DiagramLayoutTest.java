package nl.wijkzaken.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.Event;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnLabel;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.bpmn.instance.di.Waypoint;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The diagrams in processes/ are read by process owners in Camunda Modeler and Cockpit. Without a BPMNLabel the
 * Modeler wraps an event's, gateway's or flow's name in a default 90 px box (labels break mid-word, "Aanvullin g
 * ontvangen") and puts it wherever it lands, over flows. This test keeps the layout readable: every named event,
 * gateway and flow has a label box, no two shapes overlap (a sub-process holds its children, a boundary event sits on
 * its host's border), no label covers a shape, a flow or another label, and the Dutch names fit their boxes. The
 * text widths are estimates (Arial, 12 px in tasks, 11 px in labels), generous enough for what Modeler renders.
 */
class DiagramLayoutTest {

    /** Average width of a character of a task name (12 px) and an external label (11 px), in px. */
    private static final double TASK_CHAR = 6.5;
    private static final double LABEL_CHAR = 5.8;

    @TestFactory
    Stream<DynamicTest> everyDiagramIsReadable() throws IOException {
        List<Path> diagrams;
        try (Stream<Path> files = Files.list(Path.of("processes"))) {
            diagrams = files.filter(p -> p.toString().endsWith(".bpmn")).sorted().toList();
        }
        assertThat(diagrams).isNotEmpty();
        return diagrams.stream().map(diagram -> DynamicTest.dynamicTest(diagram.getFileName().toString(),
                () -> assertThat(problems(Bpmn.readModelFromFile(diagram.toFile()))).isEmpty()));
    }

    @Test
    void aNamedGatewayWithoutLabelOverlappingShapesAndATooNarrowTaskAreReported() {
        BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream("""
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"
                    xmlns:di="http://www.omg.org/spec/DD/20100524/DI" id="d" targetNamespace="t">
                  <process id="p" isExecutable="false">
                    <startEvent id="Start" />
                    <serviceTask id="Send" name="Ontvangstbevestiging sturen" />
                    <exclusiveGateway id="Check" name="Volledig?" />
                    <sequenceFlow id="Flow_Start_Send" sourceRef="Start" targetRef="Send" />
                    <sequenceFlow id="Flow_Send_Check" name="verstuurd" sourceRef="Send" targetRef="Check" />
                  </process>
                  <bpmndi:BPMNDiagram id="diagram"><bpmndi:BPMNPlane id="plane" bpmnElement="p">
                    <bpmndi:BPMNShape id="Start_di" bpmnElement="Start"><dc:Bounds x="100" y="100" width="36" height="36" /></bpmndi:BPMNShape>
                    <bpmndi:BPMNShape id="Send_di" bpmnElement="Send"><dc:Bounds x="120" y="80" width="100" height="80" /></bpmndi:BPMNShape>
                    <bpmndi:BPMNShape id="Check_di" bpmnElement="Check"><dc:Bounds x="300" y="95" width="50" height="50" /></bpmndi:BPMNShape>
                    <bpmndi:BPMNEdge id="Flow_Start_Send_di" bpmnElement="Flow_Start_Send"><di:waypoint x="136" y="118" /><di:waypoint x="120" y="118" /></bpmndi:BPMNEdge>
                    <bpmndi:BPMNEdge id="Flow_Send_Check_di" bpmnElement="Flow_Send_Check"><di:waypoint x="220" y="120" /><di:waypoint x="300" y="120" />
                      <bpmndi:BPMNLabel><dc:Bounds x="230" y="100" width="20" height="14" /></bpmndi:BPMNLabel></bpmndi:BPMNEdge>
                  </bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
                </definitions>
                """.getBytes(StandardCharsets.UTF_8)));

        assertThat(problems(model)).containsExactlyInAnyOrder(
                "'Volledig?' (Check) has no label bounds",
                "'Ontvangstbevestiging sturen' (Send) is too narrow for the word 'Ontvangstbevestiging'",
                "'verstuurd' (Flow_Send_Check): its label is too narrow for 'verstuurd'",
                "shapes Start and Send overlap");
    }

    static List<String> problems(BpmnModelInstance model) {
        List<String> problems = new ArrayList<>();
        List<Placed> shapes = new ArrayList<>();
        List<Placed> labels = new ArrayList<>();
        List<Box> segments = new ArrayList<>();
        for (BpmnShape shape : model.getModelElementsByType(BpmnShape.class)) {
            if (shape.getBpmnElement() instanceof FlowNode node) {
                shapes.add(new Placed(node, box(shape.getBounds())));
                checkName(node, shape.getBounds(), shape.getBpmnLabel(), labels, problems);
            }
        }
        for (BpmnEdge edge : model.getModelElementsByType(BpmnEdge.class)) {
            List<Waypoint> points = new ArrayList<>(edge.getWaypoints());
            for (int i = 1; i < points.size(); i++) {
                segments.add(Box.around(points.get(i - 1), points.get(i)));
            }
            if (edge.getBpmnElement() instanceof SequenceFlow flow) {
                checkName(flow, null, edge.getBpmnLabel(), labels, problems);
            }
        }
        for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
            boolean drawn = shapes.stream().anyMatch(s -> s.element() == element)
                    || model.getModelElementsByType(BpmnEdge.class).stream().anyMatch(e -> e.getBpmnElement() == element);
            if ((element instanceof FlowNode || element instanceof SequenceFlow) && !drawn) {
                problems.add(element.getId() + " is not in the diagram");
            }
        }
        for (int i = 0; i < shapes.size(); i++) {
            for (int j = i + 1; j < shapes.size(); j++) {
                Placed a = shapes.get(i);
                Placed b = shapes.get(j);
                if (a.box().overlaps(b.box()) && !nested(a.element(), b.element()) && !nested(b.element(), a.element())) {
                    problems.add("shapes " + a.element().getId() + " and " + b.element().getId() + " overlap");
                }
            }
        }
        for (int i = 0; i < labels.size(); i++) {
            Placed label = labels.get(i);
            for (Placed shape : shapes) {
                boolean container = shape.element() instanceof SubProcess && shape.box().contains(label.box());
                if (!container && label.box().overlaps(shape.box())) {
                    problems.add("the label of " + label.element().getId() + " covers " + shape.element().getId());
                }
            }
            for (int j = i + 1; j < labels.size(); j++) {
                if (label.box().overlaps(labels.get(j).box())) {
                    problems.add("the labels of " + label.element().getId() + " and " + labels.get(j).element().getId() + " overlap");
                }
            }
            if (segments.stream().anyMatch(segment -> segment.overlaps(label.box()))) {
                problems.add("the label of " + label.element().getId() + " lies on a flow");
            }
        }
        return problems;
    }

    /** Tasks show their name inside; events, gateways and flows in an external label that needs its own bounds. */
    private static void checkName(BaseElement element, Bounds shape, BpmnLabel label, List<Placed> labels, List<String> problems) {
        String name = element.getAttributeValue("name");
        if (name == null || name.isBlank()) {
            return;
        }
        String longest = Arrays.stream(name.split("\\s+")).reduce("", (a, b) -> b.length() > a.length() ? b : a);
        if (element instanceof Activity) {
            if (shape != null && longest.length() * TASK_CHAR + 10 > shape.getWidth()) {
                problems.add("'" + name + "' (" + element.getId() + ") is too narrow for the word '" + longest + "'");
            }
            return;
        }
        if (!(element instanceof Event || element instanceof Gateway || element instanceof SequenceFlow)) {
            return;
        }
        if (label == null || label.getBounds() == null) {
            problems.add("'" + name + "' (" + element.getId() + ") has no label bounds");
            return;
        }
        if (longest.length() * LABEL_CHAR > label.getBounds().getWidth()) {
            problems.add("'" + name + "' (" + element.getId() + "): its label is too narrow for '" + longest + "'");
        }
        labels.add(new Placed(element, box(label.getBounds())));
    }

    /** Whether {@code inner} sits inside {@code outer} (its sub-process) or on its border (a boundary event). */
    private static boolean nested(ModelElementInstance inner, ModelElementInstance outer) {
        if (inner instanceof BoundaryEvent boundary && boundary.getAttachedTo() == outer) {
            return true;
        }
        for (ModelElementInstance parent = inner.getParentElement(); parent != null; parent = parent.getParentElement()) {
            if (parent == outer) {
                return true;
            }
        }
        return false;
    }

    private static Box box(Bounds bounds) {
        return new Box(bounds.getX(), bounds.getY(), bounds.getWidth(), bounds.getHeight());
    }

    private record Placed(BaseElement element, Box box) {
    }

    private record Box(double x, double y, double width, double height) {

        static Box around(Waypoint from, Waypoint to) {
            return new Box(Math.min(from.getX(), to.getX()), Math.min(from.getY(), to.getY()),
                    Math.abs(from.getX() - to.getX()), Math.abs(from.getY() - to.getY()));
        }

        /** Touching edges do not count: flows end on shapes, and Modeler puts labels right next to them. */
        boolean overlaps(Box other) {
            return x < other.x + other.width && other.x < x + width && y < other.y + other.height && other.y < y + height;
        }

        boolean contains(Box other) {
            return other.x >= x && other.y >= y && other.x + other.width <= x + width && other.y + other.height <= y + height;
        }
    }
}
