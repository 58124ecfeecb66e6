/**
 * The backend's HTTP API as plain records, one subpackage per backend feature: what the backend serialises and
 * the UI's declarative clients read. Field names are the JSON names; nothing here depends on Spring.
 */
package org.kbportal.contract;
