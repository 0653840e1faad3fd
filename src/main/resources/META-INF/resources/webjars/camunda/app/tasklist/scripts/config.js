/*
 * Copyright Camunda Services GmbH and/or licensed to Camunda Services GmbH
 * under one or more contributor license agreements. See the NOTICE file
 * distributed with this work for additional information regarding copyright
 * ownership. Camunda licenses this file to you under the Apache License,
 * Version 2.0; you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

// Wijkzaken: Tasklist in Dutch for everyone (locales/nl.json covers every key of 7.24's en.json, see
// TasklistLocaleTest). This file replaces the shipped config.js as a whole, so the shipped keys are copied here.
export default {
  locales: {
    availableLocales: ['nl'],
    fallbackLocale: 'nl'
  },
  // form-js writes its validation messages in English; form-messages-nl puts them in Dutch. read-only-tasks shows
  // "Alleen inzien" instead of "Oppakken" on a task the user may only read; case-number-search makes a typed text
  // search the case number.
  customScripts: ['scripts/form-messages-nl', 'scripts/read-only-tasks', 'scripts/case-number-search'],
  dateFormat: {
    normal: 'LLL',
    long: 'LLLL'
  },
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'pakt de geselecteerde taak op'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'zet de cursor op het eerste filter'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'zet de cursor op de eerste taak in de lijst'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'zet de cursor op het eerste veld van het formulier'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'opent het venster om een nieuwe zaak te starten'
    }
  }
};
