// The posts function of the fixture app: one Lambda for a post by id, the
// list of posts, (batched) the author of each post, and two Direct Lambda
// Resolvers, which get the whole context.
exports.handler = async (event) => {
  if (Array.isArray(event) && event[0].info) {
    return event.map((context) => Number(context.source.id) * 10);
  }
  if (event.info) {
    return `${event.info.parentTypeName}.${event.info.fieldName} for ${event.arguments.name} (${event.info.selectionSetList.length} fields selected)`;
  }
  if (Array.isArray(event)) {
    return event.map((item) => ({ id: item.authorId, name: `${process.env.AUTHOR_PREFIX} ${item.authorId}`, batchSize: event.length }));
  }
  if (event.field === 'listPosts') {
    return ['1', '2', '3'].map((id) => ({ id, title: `post ${id}`, authorId: `a${id}` }));
  }
  if (event.id === 'missing') {
    throw new Error(`post ${event.id} not found`);
  }
  return { id: event.id, title: `post ${event.id}`, authorId: 'a1' };
};
