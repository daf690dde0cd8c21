package settle.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.annotation.JobWorker;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.CallActivity;
import io.camunda.zeebe.model.bpmn.instance.Message;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.instance.UserTask;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeCalledElement;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.Resource;
import settle.collections.InvoiceCollection;
import settle.orders.OrderToCash;
import settle.payments.PaymentReceived;
import settle.testdata.SettleTest;

/** bpmn/ and the Java side name the same task types, messages and processes, character for character. */
@SettleTest
class ModelWiringTest {

  private static final String USER_TASK = "io.camunda.zeebe:userTask";

  @Autowired ApplicationContext context;

  @Test
  void everyTaskTypeInTheModelsHasAWorkerAndEveryWorkerATaskType() {
    Set<String> modelled = new TreeSet<>();
    for (BpmnModelInstance model : models()) {
      model.getModelElementsByType(ZeebeTaskDefinition.class).forEach(t -> modelled.add(t.getType()));
      if (!model.getModelElementsByType(UserTask.class).isEmpty()) {
        modelled.add(USER_TASK);
      }
    }
    Set<String> served = new TreeSet<>();
    for (String name : context.getBeanDefinitionNames()) {
      Object bean = context.getBean(name);
      for (Method m : AopUtils.getTargetClass(bean).getDeclaredMethods()) {
        JobWorker worker = m.getAnnotation(JobWorker.class);
        if (worker != null) {
          served.add(worker.type());
        }
      }
    }
    assertThat(served).isEqualTo(modelled);
  }

  @Test
  void messageAndProcessNamesMatchTheJavaConstants() {
    Set<String> messages = models().stream().flatMap(m -> m.getModelElementsByType(Message.class).stream())
        .map(Message::getName).collect(Collectors.toCollection(TreeSet::new));
    assertThat(messages).containsExactlyInAnyOrder(OrderToCash.ORDER_RECEIVED, OrderToCash.ORDER_FULFILLED, OrderToCash.CREDIT_HOLD_RELEASED,
        PaymentReceived.MESSAGE, settle.payments.Payments.COLLECTION_REOPENED, InvoiceCollection.PROMISE_TO_PAY,
        InvoiceCollection.PAYMENT_PLAN_AGREED,
        settle.disputes.Disputes.DISPUTE_CHANGED, settle.disputes.DisputeResolution.DISPUTE_RAISED,
        settle.payments.CashApplication.STATEMENT_IMPORTED, settle.payments.CashApplication.STATEMENT_CONFIRMED,
        settle.customers.CustomerDirectory.AP_CONTACT_UPDATED, OrderToCash.CREDIT_HOLD_PLACED,
        settle.credit.CreditReviews.REVIEW_REQUESTED);

    Set<String> processes = models().stream().flatMap(m -> m.getModelElementsByType(Process.class).stream())
        .map(Process::getId).collect(Collectors.toCollection(TreeSet::new));
    assertThat(processes).containsExactlyInAnyOrder(OrderToCash.PROCESS_ID, InvoiceCollection.PROCESS_ID,
        settle.disputes.DisputeResolution.PROCESS_ID, settle.payments.CashApplication.PROCESS_ID,
        settle.credit.CreditReviews.PROCESS_ID);

    Set<String> called = models().stream().flatMap(m -> m.getModelElementsByType(CallActivity.class).stream())
        .map(c -> c.getSingleExtensionElement(ZeebeCalledElement.class).getProcessId()).collect(Collectors.toSet());
    assertThat(processes).containsAll(called);
  }

  private static List<BpmnModelInstance> models() {
    return ProcessResources.all().stream().filter(r -> Objects.requireNonNull(r.getFilename()).endsWith(".bpmn"))
        .map(ModelWiringTest::read).toList();
  }

  private static BpmnModelInstance read(Resource resource) {
    try (InputStream in = resource.getInputStream()) {
      return Bpmn.readModelFromStream(in);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

}
