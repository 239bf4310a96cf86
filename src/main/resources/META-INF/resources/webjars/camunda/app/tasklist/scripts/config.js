/*
 * Tasklist's configuration as port25-workflow's staff use it; replaces the webjar's config.js (whose settings,
 * the keyboard shortcuts, are kept as they were).
 */
export default {
  // a notice when a form is completed, and Complete offered again when a hidden field's old error would block it
  customScripts: ['scripts/port25/forms'],

  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'claims the currently selected task'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'set the focus to the first filter in the list'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'sets the focus to the first task in the list'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'sets the focus to the first input field in a task form'
    }
  }
};
