// Wijkzaken: Tasklist 7.24 shows "Oppakken" (Claim) on every task without an assignee, whatever the user may do
// with it (cam-tasklist-task-meta.html: ng-if="!hasAssignee()"). A task one may only read, e.g. an adviser's task
// that the case owner follows in "Alle open verzoeken in mijn wijk", shows "Alleen inzien" instead. The engine's
// own rule decides: claiming needs TASK_WORK or UPDATE on the task (asked through the REST API's authorization
// check for the logged-in user). The server refuses such a claim in Dutch anyway (FormGuard); this only saves the
// click. Checked by TasklistRolesBrowserTest.
const TASK = 7; // Resources.TASK

function engineApi() {
  const match = window.location.pathname.match(/^(.*)\/app\/tasklist\/([^/]+)\//);
  return match ? `${match[1]}/api/engine/engine/${match[2]}` : null;
}

function taskId() {
  const match = window.location.hash.match(/[?&]task=([^&]+)/);
  return match ? decodeURIComponent(match[1]) : null;
}

async function allowed(api, permission, id) {
  const response = await fetch(`${api}/authorization/check?permissionName=${permission}&resourceName=Task`
    + `&resourceType=${TASK}&resourceId=${encodeURIComponent(id)}`, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (!response.ok) {
    return true; // unknown: leave Tasklist as it is, the server decides
  }
  return (await response.json()).authorized === true;
}

async function mark(button) {
  const id = taskId();
  const api = engineApi();
  if (!id || !api || button.dataset.wijkzakenChecked === id) {
    return;
  }
  button.dataset.wijkzakenChecked = id;
  button.style.display = '';
  button.parentElement.querySelectorAll('.wijkzaken-read-only').forEach((note) => note.remove());
  const canWork = await allowed(api, 'TASK_WORK', id) || await allowed(api, 'UPDATE', id);
  if (canWork || taskId() !== id) {
    return;
  }
  button.style.display = 'none';
  if (!button.parentElement.querySelector('.wijkzaken-read-only')) {
    const note = document.createElement('span');
    note.className = 'wijkzaken-read-only';
    note.textContent = 'Alleen inzien';
    note.title = 'U kunt deze taak volgen, niet oppakken: dat doet het team dat de taak uitvoert.';
    button.after(note);
  }
}

// Cheap when there is nothing to do: no task open (the login page, Tasklist starting), no look at the page.
new MutationObserver(() => {
  if (!taskId()) {
    return;
  }
  document.querySelectorAll('button.claim').forEach((button) => {
    mark(button).catch(() => {});
  });
}).observe(document.documentElement, { childList: true, subtree: true });

export default [];
