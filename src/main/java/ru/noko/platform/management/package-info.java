/** Operations endpoints (health, metrics): what strangers may see of them. */
package ru.noko.platform.management;
