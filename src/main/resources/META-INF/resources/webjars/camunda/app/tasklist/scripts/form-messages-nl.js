// Wijkzaken: form-js 1.8 (the Camunda Forms renderer inside Tasklist 7.24) writes its validation messages in English
// and offers no translation hook. This script, loaded through customScripts in config.js, rewrites each message
// into Dutch as soon as form-js puts it on the page, and so the few fixed words of its controls. A pattern is never shown to staff: the field's own description
// says what is expected. Checked by TasklistBrowserTest.
const DUTCH = [
  [/^Field is required\.$/, () => 'Dit veld is verplicht.'],
  [/^Field must match pattern .*\.$/, () => 'Dit veld is niet goed ingevuld; zie de toelichting bij het veld.'],
  [/^Field must have minimum value of (.+)\.$/, (m) => `De waarde moet minstens ${m[1]} zijn.`],
  [/^Field must have maximum value of (.+)\.$/, (m) => `De waarde mag hoogstens ${m[1]} zijn.`],
  [/^Field must have minimum length of (\d+)\.$/, (m) => `Vul minstens ${m[1]} tekens in.`],
  [/^Field must have maximum length of (\d+)\.$/, (m) => `Vul hoogstens ${m[1]} tekens in.`],
  [/^Field must be a valid email\.$/, () => 'Vul een geldig e-mailadres in.'],
  [/^Field must be a valid\s+international phone number.*$/, () => 'Vul een geldig internationaal telefoonnummer in, bijvoorbeeld +31301234567.'],
  [/^Value is expected to be an integer\.$/, () => 'Vul een geheel getal in.'],
  [/^Value is expected to have at most (\d+) decimal digits?\.$/, (m) => `Vul hoogstens ${m[1]} cijfers achter de komma in.`],
  [/^Please select a valid value, the two nearest valid values are (.+) and (.+)\.$/,
    (m) => `Kies een geldige waarde; de dichtstbijzijnde zijn ${m[1]} en ${m[2]}.`]
];

export function toDutch(text) {
  const trimmed = text.trim();
  for (const [pattern, dutch] of DUTCH) {
    const match = trimmed.match(pattern);
    if (match) {
      return dutch(match);
    }
  }
  return null;
}

// Fixed words of form-js's own controls (a select without a choice, a search box, an empty result list).
const WORDS = { 'Select': 'Kies…', 'No results': 'Niets gevonden', 'All values selected': 'Alles is gekozen' };

function translateText(node) {
  const parent = node.parentElement;
  if (!parent || !parent.closest('.fjs-container')) {
    return;
  }
  const dutch = parent.closest('.fjs-form-field-error') ? toDutch(node.nodeValue) : WORDS[node.nodeValue.trim()];
  if (dutch) {
    node.nodeValue = dutch;
  }
}

function translate(root) {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    translateText(node);
  }
  if (root.querySelectorAll) {
    root.querySelectorAll('.fjs-container input[placeholder="Search"]').forEach((input) => {
      input.placeholder = 'Zoeken';
    });
  }
}

// Only what changed is looked at (added nodes, changed texts), and nothing before a form is on the page: the
// observer must not slow down Tasklist, which renders thousands of nodes while it starts.
new MutationObserver((mutations) => {
  if (!document.querySelector('.fjs-container')) {
    return;
  }
  for (const mutation of mutations) {
    if (mutation.type === 'characterData') {
      translateText(mutation.target);
    }
    mutation.addedNodes.forEach((node) => {
      if (node.nodeType === Node.TEXT_NODE) {
        translateText(node);
      } else if (node.nodeType === Node.ELEMENT_NODE) {
        translate(node);
      }
    });
  }
}).observe(document.documentElement, { childList: true, subtree: true, characterData: true });

export default [];
