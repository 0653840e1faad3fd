// Wijkzaken: what staff type into Tasklist's search box is a case number. Tasklist 7.24 turns typed text into a
// search on the task's name (the search type marked "default" in its bundled cam-tasklist-search-plugin-config.json,
// which no configuration changes), so "BV-2026-000042" found nothing. The case number is the process instance's
// business key: this script makes that search the default ("Zaaknummer" LIKE the typed text, so a part of the
// number is enough); the task's name stays available as a search type ("Naam"). The search widget keeps the
// default type it found when it was built, so the two type definitions swap their contents in place.
// Checked by TasklistRolesBrowserTest.
const DEFAULT_KEY = 'name';
const CASE_NUMBER_KEY = 'processInstanceBusinessKey';

/** Answers whether the search is set up (now or before). */
function swapDefault() {
  const element = document.querySelector('[cam-widget-search][cam-widget-search-storage-group="\'TLT\'"]');
  const angular = window.angular;
  if (!element || !angular) {
    return false;
  }
  const scope = angular.element(element).isolateScope();
  const types = scope && scope.types;
  if (!types) {
    return false;
  }
  if (types.wijkzakenCaseNumberDefault) {
    return true;
  }
  const byName = types.find((type) => type.default);
  const byCaseNumber = types.find((type) => type.id && type.id.key === CASE_NUMBER_KEY);
  if (!byName || !byCaseNumber || byName.id.key !== DEFAULT_KEY) {
    return true; // not the search this script knows: leave it as it is
  }
  const name = { ...byName };
  const caseNumber = { ...byCaseNumber };
  Object.keys(byName).forEach((key) => delete byName[key]);
  Object.keys(byCaseNumber).forEach((key) => delete byCaseNumber[key]);
  Object.assign(byName, caseNumber, { default: true });
  Object.assign(byCaseNumber, name, { default: false });
  types.wijkzakenCaseNumberDefault = true;
  return true;
}

const observer = new MutationObserver(() => {
  if (window.location.hash.startsWith('#/login')) {
    return;
  }
  if (swapDefault()) {
    observer.disconnect();
  }
});
observer.observe(document.documentElement, { childList: true, subtree: true });

export default [];
