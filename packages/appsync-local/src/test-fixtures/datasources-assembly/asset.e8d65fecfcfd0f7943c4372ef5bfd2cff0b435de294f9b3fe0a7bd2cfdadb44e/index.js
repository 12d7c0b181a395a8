// The posts function of the fixture app: one Lambda for a post by id, the
// list of posts, and (batched) the author of each post.
exports.handler = async (event) => {
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
