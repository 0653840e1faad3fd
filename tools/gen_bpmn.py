# Wrote processes/resident-request.bpmn once (semantics + a simple diagram layout); edit it in Camunda Modeler now.
from xml.sax.saxutils import escape as e

SIZE = {'task': (100, 80), 'event': (36, 36), 'gateway': (50, 50)}
nodes = {}   # id -> dict
order = []
flows = []

def node(id, tag, name, x, y, parent=None, attrs='', ext='', body='', kind=None, w=None, h=None):
    k = kind or ('event' if 'Event' in tag else 'gateway' if 'Gateway' in tag else 'task')
    sw, sh = (w, h) if w else SIZE[k]
    nodes[id] = dict(id=id, tag=tag, name=name, x=x, y=y, w=sw, h=sh, parent=parent, attrs=attrs, ext=ext, body=body, kind=k)
    order.append(id)

def flow(src, tgt, cond=None, name=None, wp=None, id=None, ext=None):
    flows.append(dict(id=id or f'Flow_{src}_{tgt}', src=src, tgt=tgt, cond=cond, name=name, wp=wp, ext=ext))

def msg(id, name, x, y, mtype, parent):
    node(id, 'serviceTask', name, x, y, parent,
         attrs='camunda:asyncBefore="true" camunda:delegateExpression="${residentMessage}"',
         ext=f'<camunda:failedJobRetryTimeCycle>R5/PT5M</camunda:failedJobRetryTimeCycle><camunda:inputOutput><camunda:inputParameter name="messageType">{mtype}</camunda:inputParameter></camunda:inputOutput>')

def rule(id, name, x, y, ref, var, parent=None):
    node(id, 'businessRuleTask', name, x, y, parent,
         attrs=f'camunda:decisionRef="{ref}" camunda:mapDecisionResult="singleResult" camunda:resultVariable="{var}"')

def user(id, name, x, y, form, group, parent, listeners='', extra=''):
    node(id, 'userTask', name, x, y, parent,
         attrs=f'camunda:formRef="{form}" camunda:formRefBinding="deployment" camunda:candidateGroups="{group}" {extra}', ext=listeners)

def status(code):
    return f'<camunda:executionListener expression="${{caseFile.status(execution, \'{code}\')}}" event="start" />'

P = None
REASON = '<camunda:inputOutput><camunda:inputParameter name="deliberationReason">${deliberation.deliberationReason}</camunda:inputParameter></camunda:inputOutput>'
node('RequestReceived', 'startEvent', 'Verzoek ontvangen', 100, 300, attrs='camunda:formRef="resident-request-start" camunda:formRefBinding="deployment"')
node('RegisterRequest', 'serviceTask', 'Verzoek registreren', 210, 300, attrs='camunda:delegateExpression="${requestRegistration}"')
rule('DetermineOwner', 'Eigenaar bepalen', 360, 300, 'case-owner', 'owner')
rule('Triage', 'Triage', 510, 300, 'triage', 'triage')
rule('DetermineTerms', 'Termijnen bepalen', 660, 300, 'terms', 'terms')
node('OpenCaseFile', 'serviceTask', 'Zaakdossier aanleggen', 810, 300, attrs='camunda:expression="${caseFile.open(execution)}"')
msg('SendAcknowledgement', 'Ontvangstbevestiging sturen', 960, 300, 'ontvangstbevestiging', None)
H = 'Handling'
node(H, 'subProcess', 'Behandeling', 2140, 390, kind='task', w=2120, h=620)  # x 1080..3200, y 80..700
node('HandlingStarted', 'startEvent', None, 1120, 300, H)
node('FastLaneGateway', 'exclusiveGateway', 'Snelle afhandeling?', 1200, 300, H)
user('HandleFastLane', 'Snel afhandelen', 1300, 150, 'snel-afhandelen', '${ownerGroup}', H,
     listeners='<camunda:taskListener delegateExpression="${decisionRecord}" event="complete" />')
node('ConcludeFastLane', 'serviceTask', 'Afhandeling vastleggen', 1450, 150, H, attrs="camunda:expression=\"${caseFile.conclude(execution, 'BESLUIT_GENOMEN', 'snelle-afhandeling')}\"")
node('FastLaneHandled', 'endEvent', 'Snel afgehandeld', 1580, 150, H)
user('CheckCompleteness', 'Volledigheid beoordelen', 1300, 300, 'volledigheid-beoordelen', '${ownerGroup}', H,
     listeners=status('IN_BEHANDELING'))
node('CompletenessGateway', 'exclusiveGateway', 'Volledig?', 1450, 300, H)
node('SuspendDeadline', 'serviceTask', 'Beslistermijn opschorten', 1560, 460, H, attrs='camunda:expression="${deadlineWatch.suspend(execution)}"')
msg('RequestSupplement', 'Aanvulling vragen', 1710, 460, 'aanvulling-gevraagd', H)
node('AwaitSupplement', 'eventBasedGateway', None, 1850, 460, H)
node('SupplementReceived', 'intermediateCatchEvent', 'Aanvulling ontvangen', 1950, 460, H, body='<messageEventDefinition messageRef="Message_SupplementReceived" />')
node('ResumeAfterSupplement', 'serviceTask', 'Beslistermijn hervatten', 2060, 460, H, attrs='camunda:expression="${deadlineWatch.resume(execution, false)}"')
node('RepairTermLapsed', 'intermediateCatchEvent', 'Hersteltermijn verstreken', 1950, 570, H, body='<timerEventDefinition><timeDate xsi:type="tFormalExpression">${repairTermEndsAt}</timeDate></timerEventDefinition>')
node('ResumeAfterLapse', 'serviceTask', 'Beslistermijn hervatten', 2060, 570, H, attrs='camunda:expression="${deadlineWatch.resume(execution, true)}"')
node('ConcludeNotHandled', 'serviceTask', 'Buiten behandeling stellen', 2210, 570, H, attrs="camunda:expression=\"${caseFile.conclude(execution, 'BUITEN_BEHANDELING', 'buiten-behandeling')}\"")
node('NotHandled', 'endEvent', 'Buiten behandeling', 2340, 570, H)
node('ConcludeNotAdmissible', 'serviceTask', 'Niet-ontvankelijk verklaren', 1560, 640, H, attrs="camunda:expression=\"${caseFile.conclude(execution, 'NIET_ONTVANKELIJK', 'niet-ontvankelijk')}\"")
node('NotAdmissible', 'endEvent', 'Niet-ontvankelijk', 1700, 640, H)
A = 'Advice'
node(A, 'subProcess', 'Advies per domein', 1755, 300, H, kind='task', w=390, h=150,
     body='<multiInstanceLoopCharacteristics camunda:collection="${adviceRound.domains(adviceDomains)}" camunda:elementVariable="domain" />',
     ext='<camunda:inputOutput>' + ''.join(
         f'<camunda:inputParameter name="{v}" />' for v in ['adviceAssignment', 'adviceOutcome', 'adviceMotivation', 'adviceConditions', 'adviceCostEstimate', 'advicePolicyReference']) + '</camunda:inputOutput>')
node('AdviceStarted', 'startEvent', None, 1600, 300, A)
rule('AssignAdvice', 'Adviseur bepalen', 1690, 300, 'advice-assignment', 'adviceAssignment', A)
user('GiveAdvice', 'Advies geven', 1830, 300, 'advies-geven', '${adviceAssignment.candidateGroup}', A,
     listeners='<camunda:taskListener delegateExpression="${adviceRound}" event="complete" />',
     extra='camunda:dueDate="${adviceRound.dueDate(adviceAssignment)}"')
node('AdviceGiven', 'endEvent', None, 1920, 300, A)
rule('AssessDeliberation', 'Overleg nodig?', 2030, 300, 'deliberation-needed', 'deliberation', H)
node('DeliberationGateway', 'exclusiveGateway', 'Overleg nodig?', 2160, 300, H)
user('Deliberate', 'Gezamenlijk overleg vastleggen', 2260, 190, 'gezamenlijk-overleg', '${ownerGroup}', H,
     listeners=status('OVERLEG') + '<camunda:taskListener expression="${caseFile.deliberated(task)}" event="complete" />' + REASON)
node('DeliberationDone', 'exclusiveGateway', None, 2380, 300, H)
rule('DetermineMandate', 'Mandaat bepalen', 2480, 300, 'decision-mandate', 'mandate', H)
decide_listeners = ('<camunda:taskListener delegateExpression="${conflictOfInterest}" event="assignment" />'
                    '<camunda:taskListener delegateExpression="${conflictOfInterest}" event="complete" />'
                    '<camunda:taskListener delegateExpression="${decisionRecord}" event="complete" />')
user('Decide', 'Besluit nemen', 2630, 300, 'besluit-nemen', '${mandate.decidingGroup}', H, listeners=decide_listeners + REASON)
node('CoSignGateway', 'exclusiveGateway', 'Medeondertekening nodig?', 2760, 300, H)
user('CoSignDecision', 'Besluit medeondertekenen', 2860, 190, 'besluit-medeondertekenen', '${mandate.coSignGroup}', H, listeners=decide_listeners)
node('CoSignAgreedGateway', 'exclusiveGateway', 'Akkoord?', 2990, 190, H)
node('ConcludeDecision', 'serviceTask', 'Besluit vastleggen', 3040, 300, H, attrs="camunda:expression=\"${caseFile.conclude(execution, 'BESLUIT_GENOMEN', 'besluit')}\"")
node('Decided', 'endEvent', 'Besloten', 3150, 300, H)
# deadline watch: non-interrupting timers on the handling
node('ReminderTimer', 'boundaryEvent', 'Beslistermijn nadert', 2500, 700, attrs='cancelActivity="false" attachedToRef="Handling"',
     ext='<camunda:executionListener expression="${deadlineWatch.reminded(execution)}" event="end" />',
     body='<timerEventDefinition><timeDate xsi:type="tFormalExpression">${reminderAt}</timeDate></timerEventDefinition>')
user('DeadlineApproaching', 'Beslistermijn bewaken', 2500, 810, 'beslistermijn-nadert', '${ownerGroup}', None)
node('ExtendGateway', 'exclusiveGateway', 'Verlengen?', 2640, 810)
node('ExtendDeadline', 'serviceTask', 'Beslistermijn verlengen', 2750, 810, attrs='camunda:expression="${deadlineWatch.extend(execution)}"')
msg('SendExtensionNotice', 'Verlenging melden', 2900, 810, 'termijn-verlengd', None)
node('DeadlineExtended', 'endEvent', 'Termijn verlengd', 3030, 810)
node('NotExtended', 'endEvent', 'Niet verlengd', 2640, 920)
node('EscalationTimer', 'boundaryEvent', 'Beslistermijn verstreken', 3100, 700, attrs='cancelActivity="false" attachedToRef="Handling"',
     ext='<camunda:executionListener expression="${deadlineWatch.escalated(execution)}" event="end" />',
     body='<timerEventDefinition><timeDate xsi:type="tFormalExpression">${escalationAt}</timeDate></timerEventDefinition>')
user('HandleEscalation', 'Verlopen beslistermijn oppakken', 3100, 1000, 'beslistermijn-verstreken', '${escalationGroup}', None)
node('EscalationHandled', 'endEvent', 'Escalatie opgepakt', 3250, 1000)
msg('SendOutcome', 'Uitkomst aan bewoner sturen', 3330, 390, '${resultMessageType}', None)
node('CloseCase', 'serviceTask', 'Zaak sluiten', 3480, 390, attrs="camunda:expression=\"${caseFile.status(execution, 'AFGEHANDELD')}\"")
node('CaseClosed', 'endEvent', 'Zaak afgehandeld', 3610, 390, body='<terminateEventDefinition />')

for a, b in [('RequestReceived', 'RegisterRequest'), ('RegisterRequest', 'DetermineOwner'), ('DetermineOwner', 'Triage'),
             ('Triage', 'DetermineTerms'), ('DetermineTerms', 'OpenCaseFile'), ('OpenCaseFile', 'SendAcknowledgement'),
             ('SendAcknowledgement', 'Handling'), ('HandlingStarted', 'FastLaneGateway'),
             ('HandleFastLane', 'ConcludeFastLane'), ('ConcludeFastLane', 'FastLaneHandled'),
             ('CheckCompleteness', 'CompletenessGateway'), ('SuspendDeadline', 'RequestSupplement'),
             ('RequestSupplement', 'AwaitSupplement'), ('AwaitSupplement', 'SupplementReceived'), ('AwaitSupplement', 'RepairTermLapsed'),
             ('SupplementReceived', 'ResumeAfterSupplement'), ('RepairTermLapsed', 'ResumeAfterLapse'),
             ('ResumeAfterLapse', 'ConcludeNotHandled'), ('ConcludeNotHandled', 'NotHandled'),
             ('ConcludeNotAdmissible', 'NotAdmissible'), ('AdviceStarted', 'AssignAdvice'), ('AssignAdvice', 'GiveAdvice'),
             ('GiveAdvice', 'AdviceGiven'), ('Advice', 'AssessDeliberation'), ('AssessDeliberation', 'DeliberationGateway'),
             ('Deliberate', 'DeliberationDone'), ('DeliberationDone', 'DetermineMandate'), ('DetermineMandate', 'Decide'),
             ('Decide', 'CoSignGateway'), ('CoSignDecision', 'CoSignAgreedGateway'), ('ConcludeDecision', 'Decided'),
             ('ReminderTimer', 'DeadlineApproaching'), ('DeadlineApproaching', 'ExtendGateway'), ('ExtendDeadline', 'SendExtensionNotice'),
             ('SendExtensionNotice', 'DeadlineExtended'), ('EscalationTimer', 'HandleEscalation'), ('HandleEscalation', 'EscalationHandled'),
             ('Handling', 'SendOutcome'), ('SendOutcome', 'CloseCase'), ('CloseCase', 'CaseClosed')]:
    flow(a, b)
flow('FastLaneGateway', 'HandleFastLane', '${fastLane}', 'ja')
flow('FastLaneGateway', 'CheckCompleteness', '${!fastLane}', 'nee')
flow('CompletenessGateway', 'Advice', "${completeness == 'compleet'}", 'compleet', ext=status('ADVIES').replace('event="start"', 'event="take"'))
flow('CompletenessGateway', 'SuspendDeadline', "${completeness == 'incompleet'}", 'incompleet')
flow('CompletenessGateway', 'ConcludeNotAdmissible', "${completeness == 'niet-ontvankelijk'}", 'niet-ontvankelijk')
flow('ResumeAfterSupplement', 'CheckCompleteness', None, None, wp=[(2110, 460), (2160, 460), (2160, 400), (1300, 400), (1300, 340)])
flow('DeliberationGateway', 'Deliberate', '${deliberation.deliberationNeeded}', 'ja')
flow('DeliberationGateway', 'DeliberationDone', '${!deliberation.deliberationNeeded}', 'nee')
flow('CoSignGateway', 'CoSignDecision', '${mandate.coSignNeeded}', 'ja')
flow('CoSignGateway', 'ConcludeDecision', '${!mandate.coSignNeeded}', 'nee')
flow('CoSignAgreedGateway', 'ConcludeDecision', '${coSignAgreed}', 'akkoord')
flow('CoSignAgreedGateway', 'Decide', '${!coSignAgreed}', 'niet akkoord', wp=[(2990, 165), (2990, 110), (2630, 110), (2630, 260)])
flow('ExtendGateway', 'ExtendDeadline', '${extendDeadline and !deadlineExtended}', 'ja')
flow('ExtendGateway', 'NotExtended', '${!(extendDeadline and !deadlineExtended)}', 'nee')

def bounds(n):
    return n['x'] - n['w'] / 2, n['y'] - n['h'] / 2, n['w'], n['h']

def waypoints(f):
    s, t = nodes[f['src']], nodes[f['tgt']]
    if f['wp']:
        return f['wp']
    if s['tag'] == 'boundaryEvent':
        return [(s['x'], s['y'] + 18), (t['x'], t['y'] - t['h'] / 2)] if s['x'] == t['x'] else [(s['x'], s['y'] + 18), (s['x'], t['y']), (t['x'] - t['w'] / 2, t['y'])]
    sx, sy, tx, ty = s['x'] + s['w'] / 2, s['y'], t['x'] - t['w'] / 2, t['y']
    if sy == ty:
        return [(sx, sy), (tx, ty)]
    if s['kind'] == 'gateway':
        start = (s['x'], s['y'] - 25 if ty < sy else s['y'] + 25)
        return [start, (s['x'], ty), (tx, ty)]
    if t['kind'] == 'gateway':
        return [(sx, sy), (t['x'], sy), (t['x'], t['y'] - 25 if sy < ty else t['y'] + 25)]
    mx = (sx + tx) / 2
    return [(sx, sy), (mx, sy), (mx, ty), (tx, ty)]

def render(parent, indent):
    out = []
    for id in order:
        n = nodes[id]
        if n['parent'] != parent:
            continue
        attrs = f' id="{id}"' + (f' name="{e(n["name"])}"' if n['name'] else '') + (' ' + n['attrs'] if n['attrs'] else '')
        if n['tag'] == 'endEvent' and parent is None and id != 'CaseClosed':
            pass
        inner = []
        if n['ext']:
            inner.append(f'<extensionElements>{n["ext"]}</extensionElements>')
        for f in flows:
            if f['tgt'] == id: inner.append(f'<incoming>{f["id"]}</incoming>')
        for f in flows:
            if f['src'] == id: inner.append(f'<outgoing>{f["id"]}</outgoing>')
        if n['body']:
            inner.append(n['body'])
        if n['tag'] == 'subProcess':
            inner += render(id, indent + 2)
        out.append(' ' * indent + f'<{n["tag"]}{attrs}>')
        out += [' ' * (indent + 2) + x for x in inner if not x.startswith(' ')] + [x for x in inner if x.startswith(' ')]
        out.append(' ' * indent + f'</{n["tag"]}>')
    for f in flows:
        if nodes[f['src']]['parent'] == parent and (nodes[f['src']]['tag'] != 'boundaryEvent' or parent is None):
            a = f' id="{f["id"]}"' + (f' name="{e(f["name"])}"' if f['name'] else '') + f' sourceRef="{f["src"]}" targetRef="{f["tgt"]}"'
            if f['cond']:
                x = f'<extensionElements>{f["ext"]}</extensionElements>' if f['ext'] else ''
                out.append(' ' * indent + f'<sequenceFlow{a}>{x}<conditionExpression xsi:type="tFormalExpression">{e(f["cond"])}</conditionExpression></sequenceFlow>')
            else:
                out.append(' ' * indent + f'<sequenceFlow{a} />')
    return out

xml = ['<?xml version="1.0" encoding="UTF-8"?>',
       '<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:modeler="http://camunda.org/schema/modeler/1.0" id="resident-request-definitions" targetNamespace="http://wijkzaken.nl/bpmn" exporter="Camunda Modeler" exporterVersion="5.40.0" modeler:executionPlatform="Camunda Platform" modeler:executionPlatformVersion="7.24.0">',
       '  <message id="Message_SupplementReceived" name="aanvulling-ontvangen" />',
       '  <process id="resident-request" name="Bewonersverzoek" isExecutable="true" camunda:historyTimeToLive="P3650D">',
       '    <documentation>A resident\'s request from registration to the message with the outcome. Business key = case number. See README, "The resident-request process".</documentation>']
xml += render(None, 4)
xml.append('  </process>')
xml.append('  <bpmndi:BPMNDiagram id="resident-request-diagram"><bpmndi:BPMNPlane id="resident-request-plane" bpmnElement="resident-request">')
for id in order:
    n = nodes[id]
    x, y, w, h = bounds(n)
    extra = ' isExpanded="true"' if n['tag'] == 'subProcess' else (' isMarkerVisible="true"' if n['tag'] == 'exclusiveGateway' else '')
    xml.append(f'    <bpmndi:BPMNShape id="{id}_di" bpmnElement="{id}"{extra}><dc:Bounds x="{x:.0f}" y="{y:.0f}" width="{w}" height="{h}" /></bpmndi:BPMNShape>')
for f in flows:
    pts = ''.join(f'<di:waypoint x="{x:.0f}" y="{y:.0f}" />' for x, y in waypoints(f))
    xml.append(f'    <bpmndi:BPMNEdge id="{f["id"]}_di" bpmnElement="{f["id"]}">{pts}</bpmndi:BPMNEdge>')
xml.append('  </bpmndi:BPMNPlane></bpmndi:BPMNDiagram>')
xml.append('</definitions>\n')
open('processes/resident-request.bpmn', 'w').write('\n'.join(xml))
