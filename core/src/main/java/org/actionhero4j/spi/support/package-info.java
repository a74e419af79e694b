/** Small concurrency helpers for transport authors; no protocol logic lives here. */
package org.actionhero4j.spi.support;
