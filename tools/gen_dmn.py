# Writes the DMN tables of resident-request once; afterwards they are edited in Camunda Modeler.
from xml.sax.saxutils import escape as e

def table(key, name, desc, hit, inputs, outputs, rules):
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           f'<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:modeler="http://camunda.org/schema/modeler/1.0" xmlns:camunda="http://camunda.org/schema/1.0/dmn" id="{key}-definitions" name="{e(name)}" namespace="http://wijkzaken.nl/dmn" exporter="Camunda Modeler" exporterVersion="5.40.0" modeler:executionPlatform="Camunda Platform" modeler:executionPlatformVersion="7.24.0">',
           f'  <decision id="{key}" name="{e(name)}" camunda:historyTimeToLive="P3650D">',
           f'    <description>{e(desc)}</description>',
           f'    <decisionTable id="{key}-table" hitPolicy="{hit}">']
    for i, (label, expr, typ) in enumerate(inputs):
        out.append(f'      <input id="{key}-in-{i}" label="{e(label)}">')
        out.append(f'        <inputExpression id="{key}-in-{i}-expr" typeRef="{typ}"><text>{e(expr)}</text></inputExpression>')
        out.append('      </input>')
    for i, (label, nm, typ) in enumerate(outputs):
        out.append(f'      <output id="{key}-out-{i}" label="{e(label)}" name="{nm}" typeRef="{typ}" />')
    for rid, ins, outs, note in rules:
        out.append(f'      <rule id="{rid}">')
        out.append(f'        <description>{e(note)}</description>')
        for i, t in enumerate(ins):
            out.append(f'        <inputEntry id="{rid}-in-{i}"><text>{e(t)}</text></inputEntry>')
        for i, t in enumerate(outs):
            out.append(f'        <outputEntry id="{rid}-out-{i}"><text>{e(t)}</text></outputEntry>')
        out.append('      </rule>')
    out += ['    </decisionTable>', '  </decision>', '</definitions>', '']
    open(f'processes/{key}.dmn', 'w').write('\n'.join(out))

table('triage', 'Triage: snelle afhandeling en adviezen',
      'Which domains must advise on a request (comma-separated domain codes, see advice-assignment) and whether it takes the fast lane: small and acute requests are handled by the owner directly. Hit policy FIRST: the fast-lane rule comes before the category rules.',
      'FIRST',
      [('Categorie', 'category', 'string'), ('Gevraagd bedrag (EUR)', 'amountRequested', 'double'), ('Urgentie', 'urgency', 'string')],
      [('Snelle afhandeling', 'fastLane', 'boolean'), ('Adviesdomeinen', 'adviceDomains', 'string')],
      [('triage-fast-lane', ['', '<= 1000', '"acuut"'], ['true', '""'], 'Klein en acuut: de wijkmanager handelt direct af'),
       ('triage-verkeer', ['"verkeer-en-parkeren"', '', ''], ['false', '"fysiek,veiligheid"'], ''),
       ('triage-groen', ['"groen-en-openbare-ruimte"', '', ''], ['false', '"fysiek"'], ''),
       ('triage-spelen', ['"spelen-en-sport"', '', ''], ['false', '"fysiek,sociaal"'], ''),
       ('triage-sociaal', ['"sociaal-en-ontmoeting"', '', ''], ['false', '"sociaal"'], ''),
       ('triage-veiligheid', ['"veiligheid"', '', ''], ['false', '"veiligheid,sociaal"'], ''),
       ('triage-evenement', ['"evenement-of-activiteit"', '', ''], ['false', '"veiligheid,fysiek"'], ''),
       ('triage-overig', ['"overig"', '', ''], ['false', '"sociaal"'], '')])

table('advice-assignment', 'Adviestoewijzing per domein',
      'Which group gives the advice of a domain and how many calendar days it has to respond.',
      'UNIQUE',
      [('Domein', 'domain', 'string')],
      [('Adviesgroep', 'candidateGroup', 'string'), ('Dagen om te adviseren', 'daysToRespond', 'integer')],
      [('advice-fysiek', ['"fysiek"'], ['"advies-fysiek"', '10'], 'Fysiek domein, incl. verkeer en openbare ruimte'),
       ('advice-sociaal', ['"sociaal"'], ['"advies-sociaal"', '10'], ''),
       ('advice-veiligheid', ['"veiligheid"'], ['"advies-veiligheid"', '5'], '')])

table('deliberation-needed', 'Gezamenlijk overleg nodig',
      'Whether the owner must hold a joint deliberation with residents and advisers before the decision, and why: any negative or conditional advice, or a total cost estimate above 150% of the amount asked. Hit policy FIRST: the first reason that applies is given.',
      'FIRST',
      [('Aantal negatieve adviezen', 'negativeAdviceCount', 'integer'), ('Aantal adviezen onder voorwaarden', 'conditionalAdviceCount', 'integer'),
       ('Kostenraming boven 150% van gevraagd bedrag', 'totalCostEstimate > amountRequested * 1.5', 'boolean')],
      [('Overleg nodig', 'deliberationNeeded', 'boolean'), ('Reden', 'deliberationReason', 'string')],
      [('deliberation-negative', ['> 0', '', ''], ['true', '"Er is een negatief advies"'], ''),
       ('deliberation-conditional', ['', '> 0', ''], ['true', '"Er is een advies onder voorwaarden"'], ''),
       ('deliberation-cost', ['', '', 'true'], ['true', '"De kostenraming ligt ver boven het gevraagde bedrag"'], ''),
       ('deliberation-none', ['', '', ''], ['false', '"Adviezen positief en kosten passend"'], '')])

table('decision-mandate', 'Besluitmandaat',
      'Who may take the budget decision for the amount to decide (after deliberation: the revised amount), and whether a second person must co-sign. Up to 2,500 the wijkmanager group that owns the case (ownerGroup), except safety measures; up to 25,000 the gebiedsmanager, above 10,000 with a co-sign by the wethouder; above 25,000 the wethouder with a co-sign by the gebiedsmanager. Demo thresholds.',
      'UNIQUE',
      [('Te besluiten bedrag (EUR)', 'amountToDecide', 'double'), ('Categorie', 'category', 'string')],
      [('Beslisser (groep)', 'decidingGroup', 'string'), ('Medeondertekening nodig', 'coSignNeeded', 'boolean'), ('Medeondertekenaar (groep)', 'coSignGroup', 'string')],
      [('mandate-owner', ['<= 2500', 'not("veiligheid")'], ['ownerGroup', 'false', ''], 'Wijkmanager van de wijk'),
       ('mandate-owner-safety', ['<= 2500', '"veiligheid"'], ['"gebiedsmanager"', 'false', ''], 'Veiligheidsmaatregelen beslist de gebiedsmanager'),
       ('mandate-area', [']2500..10000]', ''], ['"gebiedsmanager"', 'false', ''], ''),
       ('mandate-area-cosign', [']10000..25000]', ''], ['"gebiedsmanager"', 'true', '"wethouder"'], ''),
       ('mandate-alderman', ['> 25000', ''], ['"wethouder"', 'true', '"gebiedsmanager"'], '')])

table('terms', 'Termijnen',
      'The durations of resident-request as ISO-8601 periods: the legal decision term (Awb 4:13), the repair term for a supplement (Awb 4:5), how long before the deadline the owner is reminded, and the one extension (Awb 4:14).',
      'UNIQUE',
      [('Urgentie', 'urgency', 'string')],
      [('Beslistermijn', 'decisionTerm', 'string'), ('Hersteltermijn', 'repairTerm', 'string'), ('Herinnering voor de termijn', 'reminderBefore', 'string'), ('Verlenging', 'extensionTerm', 'string')],
      [('terms-normal', ['"normaal"'], ['"P8W"', '"P14D"', '"P7D"', '"P4W"'], ''),
       ('terms-acute', ['"acuut"'], ['"P8W"', '"P7D"', '"P7D"', '"P4W"'], 'Acute verzoeken: kortere hersteltermijn')])
