/*
 * Two things Tasklist's own handling of Camunda Forms leaves undone for port25-workflow's staff. Both only watch
 * the page; nothing Tasklist sends or receives is changed.
 *
 * 1. A notice when a task's form is completed: Tasklist only takes the task off the list, so a reviewer cannot tell
 *    a completion from a task someone else took.
 * 2. A field hidden after it showed an error keeps that error in the form's state, and Tasklist keeps Complete
 *    disabled while any error is held, though none is shown: a reviewer who pressed Complete on "Reject" without a
 *    reason and then chose "Approve" could never complete. When the staff member changes the form, nothing it shows
 *    is in error and the task is theirs, Complete is offered again; pressing it validates what is shown (the hidden
 *    field's stale error goes) and completes.
 * 3. A completion the form refuses (a required field left empty) is marked at the field; Tasklist also raises a
 *    banner without a message over the form's buttons, which says nothing more and is taken away. A refusal by
 *    the engine (with a message) keeps its banner.
 */
const SUBMIT_FORM = /\/task\/[^/]+\/submit-form$/;

function currentTaskName() {
  const title = document.querySelector('.names h2.task');
  return title ? title.textContent.trim() : 'The task';
}

function showNotice(text) {
  const notice = document.createElement('div');
  notice.className = 'port25-completion-notice alert alert-success';
  notice.setAttribute('role', 'status');
  notice.textContent = text;
  document.body.appendChild(notice);
  setTimeout(() => notice.remove(), 8000);
}

const open = XMLHttpRequest.prototype.open;
XMLHttpRequest.prototype.open = function (method, url, ...rest) {
  if (method === 'POST' && SUBMIT_FORM.test(String(url))) {
    const taskName = currentTaskName();
    this.addEventListener('load', () => {
      if (this.status >= 200 && this.status < 300) {
        showNotice(taskName + ': completed.');
      }
    });
  }
  return open.call(this, method, url, ...rest);
};

function completeButton(form) {
  const pane = form.closest('[cam-tasklist-form]') || document;
  return Array.from(pane.querySelectorAll('button')).find((button) => button.textContent.trim() === 'Complete');
}

// Tasklist disables the button some time after the change (its own digest): watched for a moment after each edit
const WATCH_AFTER_EDIT_MS = 1500;
let lastEdit = { form: null, at: 0 };
const watched = new WeakSet();

function offerIfBlockedByAHiddenError(form, button) {
  const recent = form && form.isConnected && Date.now() - lastEdit.at < WATCH_AFTER_EDIT_MS;
  if (recent && button.disabled && !form.closest('.disabled-form') && !form.querySelector('.fjs-has-errors')) {
    button.disabled = false;
  }
}

function offerCompleteAgain(event) {
  const form = event.target.closest && event.target.closest('.fjs-container');
  const button = form && completeButton(form);
  if (!button) {
    return;
  }
  lastEdit = { form, at: Date.now() };
  if (!watched.has(button)) {
    watched.add(button);
    new MutationObserver(() => offerIfBlockedByAHiddenError(lastEdit.form, button))
      .observe(button, { attributes: true, attributeFilter: ['disabled'] });
  }
  setTimeout(() => offerIfBlockedByAHiddenError(form, button), 50);
}

document.addEventListener('change', offerCompleteAgain, true);
document.addEventListener('input', offerCompleteAgain, true);

function dropBannersTheFieldsSayBetter() {
  document.querySelectorAll('.notifications .alert-danger').forEach((banner) => {
    const message = banner.querySelector('.message');
    const saysNothingMore = !message || message.textContent.trim() === '';
    if (saysNothingMore && document.querySelector('.fjs-container .fjs-has-errors')) {
      banner.remove();
    }
  });
}

new MutationObserver(dropBannersTheFieldsSayBetter).observe(document.documentElement, { childList: true, subtree: true });
