# Wrote the Camunda Forms of resident-request once; edit them in Camunda Modeler (target Camunda Platform 7.24).
import json
counter = [0]

def cid(prefix):
    counter[0] += 1
    return f'{prefix}_{counter[0]}'

def text(md):
    return {'type': 'text', 'text': md, 'id': cid('Text')}

def field(type, key, label, required=False, disabled=False, **extra):
    c = {'type': type, 'key': key, 'label': label, 'id': cid('Field')}
    if required or 'validate' in extra:
        c['validate'] = dict(extra.pop('validate', {}), **({'required': True} if required else {}))
    if disabled:
        c['disabled'] = True
    c.update(extra)
    return c

def options(*pairs):
    return [{'label': l, 'value': v} for v, l in pairs]

OUTCOMES = options(('toegekend', 'Toegekend'), ('gedeeltelijk-toegekend', 'Gedeeltelijk toegekend'), ('afgewezen', 'Afgewezen'))

def context(extra=()):
    comps = [text('#### Zaak'),
             field('textfield', 'caseNumber', 'Zaaknummer', disabled=True),
             field('textfield', 'title', 'Titel', disabled=True),
             field('textarea', 'description', 'Beschrijving', disabled=True),
             field('textfield', 'neighbourhood', 'Wijk', disabled=True),
             field('textfield', 'categoryLabel', 'Categorie', disabled=True),
             field('number', 'amountRequested', 'Gevraagd bedrag (EUR)', disabled=True, decimalDigits=2),
             field('textfield', 'urgency', 'Urgentie', disabled=True),
             field('textfield', 'location', 'Locatie', disabled=True),
             field('textfield', 'applicantName', 'Aanvrager', disabled=True),
             field('textfield', 'onBehalfOfGroup', 'Namens bewonersgroep', disabled=True),
             field('textfield', 'legalDeadlineText', 'Uiterste beslisdatum', disabled=True)]
    return comps + list(extra)

def form(id, comps):
    doc = {'components': comps, 'type': 'default', 'id': id, 'executionPlatform': 'Camunda Platform',
           'executionPlatformVersion': '7.24.0', 'exporter': {'name': 'Camunda Modeler', 'version': '5.40.0'},
           'schemaVersion': 16}
    open(f'forms/{id}.form', 'w').write(json.dumps(doc, indent=2, ensure_ascii=False) + '\n')

form('resident-request-start', [
    text('### Bewonersverzoek registreren\nVul het verzoek in zoals de bewoner het doet. Het zaaknummer en de beslistermijn worden na het starten toegekend.'),
    field('textfield', 'applicantName', 'Naam aanvrager', required=True, validate={'maxLength': 200}),
    field('textfield', 'applicantEmail', 'E-mailadres', required=True, validate={'validationType': 'email', 'maxLength': 254}),
    field('textfield', 'applicantPhone', 'Telefoonnummer', validate={'pattern': '^[+0-9 ()-]{6,20}$'}),
    field('textfield', 'onBehalfOfGroup', 'Namens bewonersgroep (optioneel)', validate={'maxLength': 200}),
    field('select', 'neighbourhood', 'Wijk', required=True, values=options(('maarssenbroek', 'Maarssenbroek'), ('maarssen-dorp', 'Maarssen-Dorp'), ('breukelen', 'Breukelen'), ('loenen', 'Loenen'))),
    field('select', 'category', 'Categorie', required=True, values=options(
        ('verkeer-en-parkeren', 'Verkeer en parkeren'), ('groen-en-openbare-ruimte', 'Groen en openbare ruimte'),
        ('spelen-en-sport', 'Spelen en sport'), ('sociaal-en-ontmoeting', 'Sociaal en ontmoeting'), ('veiligheid', 'Veiligheid'),
        ('evenement-of-activiteit', 'Evenement of activiteit'), ('overig', 'Overig'))),
    field('textfield', 'title', 'Titel', required=True, validate={'maxLength': 150}),
    field('textarea', 'description', 'Beschrijving', required=True, validate={'maxLength': 5000}),
    field('number', 'amountRequested', 'Gevraagd bedrag (EUR, 0 als er geen geld gevraagd wordt)', required=True, decimalDigits=2, validate={'min': 0, 'max': 250000}),
    field('radio', 'urgency', 'Urgentie', required=True, defaultValue='normaal', values=options(('normaal', 'Normaal'), ('acuut', 'Acuut'))),
    field('textfield', 'location', 'Locatie (optioneel)', validate={'maxLength': 300}),
    field('select', 'channel', 'Kanaal', required=True, defaultValue='balie', values=options(('balie', 'Balie / telefoon'), ('online', 'Online'))),
])

form('snel-afhandelen', context([
    text('#### Snel afhandelen\nKlein en acuut verzoek: handel het direct af. De bewoner krijgt de uitkomst met de motivering.'),
    field('radio', 'outcome', 'Uitkomst', required=True, values=OUTCOMES),
    field('number', 'decidedAmount', 'Toegekend bedrag (EUR, alleen bij gedeeltelijke toekenning)', decimalDigits=2, validate={'min': 0}),
    field('textarea', 'decisionMotivation', 'Motivering (gaat naar de bewoner)', required=True),
]))

form('volledigheid-beoordelen', context([
    field('textfield', 'applicantEmail', 'E-mailadres aanvrager', disabled=True),
    field('textfield', 'applicantPhone', 'Telefoonnummer aanvrager', disabled=True),
    text('#### Beoordeling\nIs het verzoek compleet en kan de gemeente erover beslissen? Bij *incompleet* krijgt de bewoner een hersteltermijn en staat de beslistermijn stil.'),
    field('radio', 'completeness', 'Oordeel', required=True, values=options(('compleet', 'Compleet'), ('incompleet', 'Incompleet: aanvulling vragen'), ('niet-ontvankelijk', 'Niet-ontvankelijk'))),
    field('textarea', 'completenessMotivation', 'Toelichting (bij incompleet: wat ontbreekt; bij niet-ontvankelijk: waarom. Gaat naar de bewoner)', required=True),
]))

form('advies-geven', context([
    field('textfield', 'domain', 'Adviesdomein', disabled=True),
    text('#### Advies'),
    field('radio', 'adviceOutcome', 'Advies', required=True, values=options(('positief', 'Positief'), ('positief-onder-voorwaarden', 'Positief onder voorwaarden'), ('negatief', 'Negatief'))),
    field('textarea', 'adviceMotivation', 'Motivering', required=True),
    field('textarea', 'adviceConditions', 'Voorwaarden'),
    field('number', 'adviceCostEstimate', 'Kostenraming (EUR)', decimalDigits=2, validate={'min': 0}),
    field('textfield', 'advicePolicyReference', 'Beleidsreferentie'),
]))

form('gezamenlijk-overleg', context([
    field('textarea', 'adviceSummary', 'Adviezen', disabled=True),
    field('textfield', 'deliberationReason', 'Waarom overleg', disabled=True),
    text('#### Verslag van het gezamenlijk overleg'),
    field('datetime', 'deliberationDate', 'Datum overleg', required=True, subtype='date', dateLabel='Datum overleg'),
    field('textarea', 'participants', 'Deelnemers (bewoners en deskundigen)', required=True),
    field('textarea', 'positions', 'Standpunten per partij', required=True),
    field('checkbox', 'agreementReached', 'Overeenstemming bereikt', defaultValue=False),
    field('textarea', 'agreedMeasures', 'Afgesproken maatregelen'),
    field('number', 'revisedAmount', 'Herzien bedrag (EUR, bij overeenstemming)', decimalDigits=2, validate={'min': 0}),
]))

form('besluit-nemen', context([
    field('textarea', 'adviceSummary', 'Adviezen', disabled=True),
    field('textfield', 'deliberationReason', 'Overleg', disabled=True),
    field('number', 'amountToDecide', 'Te besluiten bedrag (EUR)', disabled=True, decimalDigits=2),
    text('Het resterende buurtbudget van de wijk staat in het budgetoverzicht. Wie over deze zaak adviseerde, mag niet besluiten.'),
    text('#### Besluit'),
    field('radio', 'outcome', 'Besluit', required=True, values=OUTCOMES),
    field('number', 'decidedAmount', 'Toegekend bedrag (EUR, alleen bij gedeeltelijke toekenning)', decimalDigits=2, validate={'min': 0}),
    field('textarea', 'decisionMotivation', 'Motivering (gaat naar de bewoner)', required=True),
]))

form('besluit-medeondertekenen', context([
    field('textarea', 'adviceSummary', 'Adviezen', disabled=True),
    field('textfield', 'decidedBy', 'Besloten door', disabled=True),
    field('textfield', 'outcome', 'Besluit', disabled=True),
    field('number', 'decidedAmount', 'Toegekend bedrag (EUR)', disabled=True, decimalDigits=2),
    field('textarea', 'decisionMotivation', 'Motivering', disabled=True),
    text('#### Medeondertekening\nBoven de drempel uit de mandaattabel tekent een tweede persoon mee. Niet akkoord: het besluit gaat terug naar de beslisser.'),
    field('checkbox', 'coSignAgreed', 'Ik onderteken dit besluit mee', defaultValue=False),
    field('textarea', 'coSignRemark', 'Opmerking (verplicht als u niet meetekent)'),
]))

form('beslistermijn-nadert', context([
    text('#### De beslistermijn nadert\nLukt het niet om op tijd te beslissen? Verleng de termijn dan nu, één keer, met een reden (artikel 4:14 Awb). De bewoner krijgt daarvan bericht.'),
    field('checkbox', 'extendDeadline', 'Beslistermijn verlengen', defaultValue=False),
    field('textarea', 'extensionReason', 'Reden van de verlenging (gaat naar de bewoner)'),
]))

form('beslistermijn-verstreken', context([
    field('textfield', 'ownerTeam', 'Behandelend team', disabled=True),
    text('#### De beslistermijn is verstreken\nSpreek het team aan en leg vast wat er gebeurt. De bewoner kan de gemeente nu in gebreke stellen (artikel 4:17 Awb).'),
    field('textarea', 'escalationNote', 'Afspraken', required=True),
]))
