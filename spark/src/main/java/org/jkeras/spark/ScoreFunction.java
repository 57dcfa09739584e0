package org.jkeras.spark;

import java.util.Collections;
import java.util.Iterator;

import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;

import scala.Tuple2;

/** A partition's task: the model from this JVM's cache (loaded from the broadcast bytes at most once), then batches. */
final class ScoreFunction implements MapPartitionsFunction<Tuple2<Row, Features>, Tuple2<Row, Scored>> {
    private static final long serialVersionUID = 1L;
    private final Plan plan;
    private final Broadcast<ModelBytes> model;

    ScoreFunction(Plan plan, Broadcast<ModelBytes> model) {
        this.plan = plan;
        this.model = model;
    }

    @Override
    public Iterator<Tuple2<Row, Scored>> call(Iterator<Tuple2<Row, Features>> rows) {
        if (!rows.hasNext()) return Collections.emptyIterator();
        TaskContext task = TaskContext.get();
        int partition = task == null ? -1 : task.partitionId();
        return new PartitionScorer(plan, ExecutorModels.get(model.value(), plan.extension(), plan.threads()), rows, partition);
    }
}
