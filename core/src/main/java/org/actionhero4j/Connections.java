package org.actionhero4j;

import java.util.Collection;
import java.util.Optional;

/** The connections of this node, and routing to connections held by other nodes. */
public interface Connections {

  /** A connection held by this node. */
  Optional<Connection> local(String id);

  /** Every connection held by this node. */
  Collection<Connection> local();

  /**
   * Pushes a message (a {@code Map}, a record or a POJO, encoded at once) to a connection wherever
   * it is held in the cluster.
   *
   * @throws ActionheroException when no node holds it (or the holding node does not answer in time)
   */
  void send(String connectionId, Object message);

  /** Destroys a connection wherever it is held in the cluster. */
  void destroy(String connectionId);
}
